package lazyregexp

import (
	"strings"
	"sync"
	"testing"
)

func TestCompilesOnFirstUse(t *testing.T) {
	r := New(`(\d+)-(\d+)`)
	if r.re != nil {
		t.Fatal("compiled before use")
	}
	if !r.MatchString("pages 3-7") || r.re == nil {
		t.Fatal("no match, or not compiled by its first use")
	}
	if got := r.FindStringSubmatch("pages 3-7"); strings.Join(got, ",") != "3-7,3,7" {
		t.Errorf("FindStringSubmatch = %q", got)
	}
	if got := r.ReplaceAllString("3-7 and 9-12", "$2-$1"); got != "7-3 and 12-9" {
		t.Errorf("ReplaceAllString = %q", got)
	}
	if got := r.FindAllString("3-7 and 9-12", -1); len(got) != 2 {
		t.Errorf("FindAllString = %q", got)
	}
	if got := r.FindStringIndex("p. 3-7"); len(got) != 2 || got[0] != 3 || got[1] != 6 {
		t.Errorf("FindStringIndex = %v", got)
	}
	if r.String() != `(\d+)-(\d+)` {
		t.Errorf("String = %q", r.String())
	}
}

func TestConcurrentFirstUse(t *testing.T) {
	r := New(`^a+$`)
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if !r.MatchString("aaa") {
				t.Error("no match")
			}
		}()
	}
	wg.Wait()
}

func TestBadPatternPanicsAtFirstUse(t *testing.T) {
	r := New(`(`)
	defer func() {
		if recover() == nil {
			t.Error("a bad pattern did not panic")
		}
	}()
	r.MatchString("x")
}
