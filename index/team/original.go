package team

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"attache/index"
)

// Original returns the copy the team library keeps of the file an imported
// document was read from (its originals table), under the file's name as
// imported, or an error wrapping index.ErrNotFound when there is no such
// document or it is a seed. Library is an index.OriginalSource.
func (l *Library) Original(id string) (*index.Original, error) {
	db, err := l.db()
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), readTimeout)
	defer cancel()
	var seed bool
	var source *string
	var data []byte
	err = db.QueryRow(ctx, `
		SELECT d.seed, d.meta->>'source', o.data
		FROM documents d LEFT JOIN originals o ON o.doc_id = d.id
		WHERE d.id = $1`, id).Scan(&seed, &source, &data)
	switch {
	case errors.Is(err, pgx.ErrNoRows):
		return nil, fmt.Errorf("document %q: %w", id, index.ErrNotFound)
	case err != nil:
		return nil, l.fail("the original of "+id, err)
	case seed:
		return nil, index.SeedOriginalError{ID: id}
	case data == nil:
		return nil, fmt.Errorf("the original of document %q: %w", id, index.ErrNotFound)
	}
	o := &index.Original{Data: data}
	if source != nil {
		o.Name = *source
	}
	return o, nil
}

var _ index.OriginalSource = (*Library)(nil)
