package index

import (
	"context"
	"fmt"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"
)

// How an import's segments are merged. Each batch an import sends becomes
// a segment of batchSize passages, which Bleve's merger merges by tiers
// while the import runs; what is left (six to twenty segments) is merged
// into one at the end of a large import (worthMerging), in one pass
// (onePassMerge), while the store commits (startMerge). Holding Bleve's
// merger back while importing and merging once at the end was measured
// too: the GIMP manual four times, it saved a fifth of the Bleve half's
// processor time, but the merge of 150 segments at the end took as long
// alone as the merges it saved had taken beside the reading, and a
// longer import.

// mergeAfterImport is whether an import (or a rebuild) ends by merging
// the index's segments into one when it is worth it (worthMerging).
var mergeAfterImport = true

// mergeFrom is the fewest passages an index holds for an import to merge
// it. Measured: four copies of the GIMP manual (73,796 passages), the
// merge took 0.55 s of a 15 s import and searches' median 15% less time
// in process; the manual once (18,449 passages), merged beside the
// store's commit or after it, the import's peak memory grew by 10 to 15
// MB (to about 1.5 times recollindex's) for 0.15 s of processor time, and
// whole-process searches were no faster.
const mergeFrom = 30000

// worthMerging reports whether an import that indexed added passages
// should merge the index into one segment: when the index is large
// (mergeFrom) and they are at least half of it, so that the merge, which rewrites the whole
// index, costs a fraction of what the import spent. A file or two added to
// a large library leaves the merging to Bleve's own policy.
func worthMerging(idx bleve.Index, added int) bool {
	if !mergeAfterImport || added < mergeFrom/2 {
		return false
	}
	n, err := docCount(idx)
	return err == nil && n >= mergeFrom && uint64(added)*2 >= n
}

// onePassMerge merges every segment into one in a single task: Bleve's
// own force merge (SingleSegmentMergePlanOptions) merges ten segments at
// a time, and stops after one round, with a tenth of them.
var onePassMerge = func() mergeplan.MergePlanOptions {
	o := mergeplan.SingleSegmentMergePlanOptions
	o.SegmentsPerMergeTask = 1 << 30
	return o
}()

// mergeSegments merges the segments of idx, open for writing, into one and
// waits until the merged index is on its disk. An import's batches leave
// the index in tens of segments, which every search visits one by one
// (its term dictionaries, its postings); one segment answers the same
// searches faster. The merge changes how the index is kept, not what it
// holds, and a process killed while merging leaves the last snapshot
// persisted, which holds the same passages (Bleve writes the merged
// segment to a new file and points its root at it only once it is
// written).
func mergeSegments(ctx context.Context, idx bleve.Index) error {
	o := onePassMerge
	return forceMerge(ctx, idx, &o)
}

// forceMerge merges idx's segments as o plans and waits until the merged
// index is on its disk.
func forceMerge(ctx context.Context, idx bleve.Index, o *mergeplan.MergePlanOptions) error {
	s, err := scorchOf(idx)
	if s == nil {
		return err
	}
	if err := s.ForceMerge(ctx, o); err != nil {
		return fmt.Errorf("merging the index: %v", oneLine(err))
	}
	return persisted(idx)
}

// scorchOf returns idx's Scorch index, nil if it has another kind.
func scorchOf(idx bleve.Index) (*scorch.Scorch, error) {
	a, err := idx.Advanced()
	if err != nil {
		return nil, err
	}
	s, _ := a.(*scorch.Scorch)
	return s, nil
}

// startMerge starts the merge that ends an import that indexed added
// passages, once finish has returned, when it is worth it (worthMerging),
// to run while the import goes on (the store's commit). merged waits for
// it; discard stops it.
func (in *indexer) startMerge(ctx context.Context, added int) {
	if in.merging != nil || !worthMerging(in.idx, added) {
		return
	}
	ctx, in.stopMerge = context.WithCancel(ctx)
	in.merging = make(chan error, 1)
	go func() { in.merging <- mergeSegments(ctx, in.idx) }()
}

// merged waits for the merge startMerge started, if any, and returns its
// error.
func (in *indexer) merged() error {
	if in.merging == nil {
		return nil
	}
	err := <-in.merging
	in.merging <- err // for a second call
	return err
}

// stopMerging stops the merge startMerge started, if any, and waits for
// it.
func (in *indexer) stopMerging() {
	if in.merging != nil {
		in.stopMerge()
		in.merged()
	}
}
