package bridge

import (
	"attache/index"
	"attache/index/themes"
)

// ThemeMatrix returns the coverage of a library's documents by the shipped
// taxonomy: for every theme and document, the passages about it and the
// strongest one. The library's passages carry their themes already (the
// index tags them when it opens). The command line and the window show it.
func ThemeMatrix(lib index.Library) (*themes.Matrix, error) {
	docs, err := libraryDocs(lib)
	if err != nil {
		return nil, err
	}
	return themes.Default().Matrix(docs), nil
}
