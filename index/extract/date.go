package extract

import (
	"strings"
	"time"

	"attache/lazyregexp"
)

var (
	isoDate = lazyregexp.New(`^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?`)
	pdfDate = lazyregexp.New(`^D:(\d{4})(\d{2})?(\d{2})?`)
)

// dateLayouts are the written date forms normalizeDate understands besides
// ISO 8601 and PDF dates.
var dateLayouts = []string{
	time.RFC1123Z, time.RFC1123, time.RFC850, time.ANSIC, time.UnixDate,
	"Mon, 2 Jan 2006 15:04:05 -0700", "2 January 2006", "January 2, 2006",
	"2 Jan 2006", "Jan 2, 2006", "02/01/2006", "2.1.2006", "02.01.2006",
}

// normalizeDate returns s as an ISO 8601 date (YYYY-MM-DD, YYYY-MM or
// YYYY), or "" when s is not a date it can read.
func normalizeDate(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	if m := pdfDate.FindStringSubmatch(s); m != nil {
		return joinDate(m[1], m[2], m[3])
	}
	if m := isoDate.FindStringSubmatch(s); m != nil {
		return joinDate(m[1], m[2], m[3])
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format("2006-01-02")
		}
	}
	return ""
}

// joinDate joins the parts of a date that are present and plausible.
func joinDate(y, m, d string) string {
	if y < "1000" || y > "2999" {
		return ""
	}
	if m == "" || m < "01" || m > "12" {
		return y
	}
	if d == "" || d < "01" || d > "31" {
		return y + "-" + m
	}
	return y + "-" + m + "-" + d
}
