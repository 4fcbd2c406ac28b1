package briefing

import "testing"

func TestHeaderFrom(t *testing.T) {
	for _, tt := range []struct {
		h    Header
		want string
	}{
		{Header{Author: "A. Rossi", Organisation: "Ufficio studi"}, "A. Rossi, Ufficio studi"},
		{Header{Author: "  A. Rossi "}, "A. Rossi"},
		{Header{Author: " ", Organisation: "Policy Unit"}, "Policy Unit"},
		{Header{Title: "No one"}, ""},
	} {
		if got := tt.h.From(); got != tt.want {
			t.Errorf("%+v.From() = %q, want %q", tt.h, got, tt.want)
		}
	}
	// a Brief answers through its embedded Header
	b := &Brief{Header: Header{Author: "Me", Organisation: "Desk"}}
	if got := b.From(); got != "Me, Desk" {
		t.Errorf("Brief.From() = %q", got)
	}
}
