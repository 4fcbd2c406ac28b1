package themes

import (
	"encoding/json"
	"testing"
)

func TestStatsJSONRoundTrip(t *testing.T) {
	docs := taggedSeeds(t)
	st := Default().Gather(docs)
	b, err := json.Marshal(st)
	if err != nil {
		t.Fatal(err)
	}
	var back Stats
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if back.Fingerprint() != st.Fingerprint() || Default().Version(&back) != Default().Version(st) {
		t.Errorf("statistics read back differ: %s, written %s", back.Fingerprint(), st.Fingerprint())
	}
}
