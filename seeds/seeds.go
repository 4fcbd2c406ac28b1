// Package seeds holds Attaché's default library: four official texts on
// digital policy, kept byte for byte as they arrived, and their catalogue.
//
// The package is data only. Cleaning and cutting the texts into passages is
// done by package corpus, so that it is tested on these very files.
package seeds

import "embed"

// FS holds the raw seed texts and catalog.json, which describes each of them.
//
//go:embed *.txt catalog.json
var FS embed.FS

// Catalog is the name, inside FS, of the JSON list that describes the seeds.
const Catalog = "catalog.json"
