package themes

import "encoding/json"

// statsJSON is the stored form of Stats.
type statsJSON struct {
	Passages map[string]int            `json:"passages"`
	DF       map[string]map[string]int `json:"df"`
}

// MarshalJSON writes the statistics, so that a library can keep the seeds'
// statistics instead of gathering them again on every start.
func (st *Stats) MarshalJSON() ([]byte, error) {
	return json.Marshal(statsJSON{Passages: st.passages, DF: st.df})
}

// UnmarshalJSON reads statistics written by MarshalJSON.
func (st *Stats) UnmarshalJSON(b []byte) error {
	var s statsJSON
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	if s.Passages == nil {
		s.Passages = map[string]int{}
	}
	if s.DF == nil {
		s.DF = map[string]map[string]int{}
	}
	st.passages, st.df = s.Passages, s.DF
	return nil
}
