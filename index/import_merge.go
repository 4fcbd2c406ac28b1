package index

import (
	"context"
	"fmt"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
)

// mergeAfterImport is whether an import ends by merging the index's
// segments into one (mergeSegments), after its commit, when it is worth
// it (worthMerging).
var mergeAfterImport = true

// mergeFrom is the fewest passages an index holds for an import to merge
// it. Measured: four copies of the GIMP manual (73,796 passages), the
// merge took 0.55 s of a 15 s import and searches' median 15% less time
// in process; the manual once (18,500 passages), it cost about 8% of the
// import's processor time and whole-process searches were no faster.
const mergeFrom = 30000

// worthMerging reports whether an import that indexed added passages
// should merge the index into one segment: when the index is large
// (mergeFrom) and they are at least half of it, so that the merge, which
// rewrites the whole index, costs a fraction of what the import spent.
// A file or two added to a large library leaves the merging to Bleve's
// own policy.
func worthMerging(idx bleve.Index, added int) bool {
	if !mergeAfterImport || added < mergeFrom/2 {
		return false
	}
	n, err := docCount(idx)
	return err == nil && n >= mergeFrom && uint64(added)*2 >= n
}

// mergeSegments merges the segments of idx, open for writing, into one and
// waits until the merged index is on its disk. An import's batches leave
// the index in tens of segments, which every search visits one by one
// (its term dictionaries, its postings); one segment answers the same
// searches faster. It runs after the change's commit: the merge changes
// how the index is kept, not what it holds, and a process killed while
// merging leaves the last snapshot persisted, which holds the same
// passages (Bleve writes the merged segment to a new file and points its
// root at it only once it is written).
func mergeSegments(ctx context.Context, idx bleve.Index) error {
	a, err := idx.Advanced()
	if err != nil {
		return err
	}
	s, ok := a.(*scorch.Scorch)
	if !ok {
		return nil
	}
	if err := s.ForceMerge(ctx, nil); err != nil {
		return fmt.Errorf("merging the index: %v", oneLine(err))
	}
	return persisted(idx)
}
