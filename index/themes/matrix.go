package themes

import (
	"attache/index/corpus"
)

// Matrix is the coverage of themes by documents: for every theme (row) and
// document (column), how many passages of the document are tagged with the
// theme and which one is about it most strongly.
type Matrix struct {
	// Themes are the rows, in taxonomy order.
	Themes []MatrixTheme `json:"themes"`
	// Docs are the columns, in the order given.
	Docs []MatrixDoc `json:"docs"`
	// Cells holds one row per theme and one cell per document.
	Cells [][]Cell `json:"cells"`
}

// MatrixTheme names one row of a Matrix.
type MatrixTheme struct {
	ID      string `json:"id"`
	LabelEN string `json:"label_en"`
	LabelIT string `json:"label_it"`
	// Total is the number of passages tagged with the theme in all documents.
	Total int `json:"total"`
}

// MatrixDoc names one column of a Matrix.
type MatrixDoc struct {
	ID         string `json:"id"`
	ShortTitle string `json:"short_title,omitempty"`
	Lang       string `json:"lang"`
}

// Cell is what one document says on one theme.
type Cell struct {
	// Count is the number of the document's passages tagged with the theme.
	Count int `json:"count"`
	// Strongest is the ID of the passage with the highest score for the
	// theme, empty when Count is 0.
	Strongest string `json:"strongest,omitempty"`
	// Score is the Strongest passage's score.
	Score float64 `json:"score,omitempty"`
	// Passages are the IDs of the tagged passages in reading order.
	Passages []string `json:"passages,omitempty"`
}

// Matrix builds the coverage matrix of already tagged documents (see
// TagDocuments): a passage counts for the themes in its Themes.
func (tx *Taxonomy) Matrix(docs []*corpus.Document) *Matrix {
	m := &Matrix{}
	row := map[string]int{}
	for i, th := range tx.Themes {
		row[th.ID] = i
		m.Themes = append(m.Themes, MatrixTheme{ID: th.ID, LabelEN: th.LabelEN, LabelIT: th.LabelIT})
		m.Cells = append(m.Cells, make([]Cell, len(docs)))
	}
	for j, d := range docs {
		m.Docs = append(m.Docs, MatrixDoc{ID: d.ID, ShortTitle: d.ShortTitle, Lang: d.Lang})
		for k := range d.Passages {
			p := &d.Passages[k]
			if len(p.Themes) == 0 {
				continue
			}
			scores := map[string]float64{}
			for _, s := range tx.Scores(p) {
				scores[s.Theme] = s.Score
			}
			for _, id := range p.Themes {
				i, ok := row[id]
				if !ok {
					continue
				}
				c := &m.Cells[i][j]
				c.Count++
				c.Passages = append(c.Passages, p.ID)
				if s := scores[id]; c.Strongest == "" || s > c.Score {
					c.Strongest, c.Score = p.ID, s
				}
				m.Themes[i].Total++
			}
		}
	}
	return m
}
