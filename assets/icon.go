package assets

import _ "embed"

// Icon is the application icon: a 256×256 PNG of a navy document with a
// white "A" and a folded gold corner.
//
//go:embed icon.png
var Icon []byte
