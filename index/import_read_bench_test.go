package index

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"attache/index/corpus"
	"attache/index/extract"
	"attache/seeds"
)

// BenchmarkReadGIMP measures the reading half of an import on the GIMP
// manual (1,370 HTML pages), stage by stage on one goroutine, the files
// read into memory beforehand: extract (HTML to the text form, language
// told), parse (cleaning, passages, locators), tag (themes, the seeds'
// statistics), and all three through ReadDocuments on every processor
// (reading the files too, no library behind it). Each reports MB/s of
// HTML, the process's processor time (cpu-ms/op: the collector's
// included, and less noisy than the time on a busy machine) and
// allocations per pass over the manual.
//
//	go test -run '^$' -bench ReadGIMP -benchtime 3x ./index/
func BenchmarkReadGIMP(b *testing.B) {
	type page struct {
		path string
		data []byte
		res  *extract.Result
		doc  *corpus.Document
	}
	var pages []*page
	var size int64
	for _, d := range gimpHelp {
		if _, err := os.Stat(d); err != nil {
			b.Skipf("the GIMP manual is not installed (%s); install it with: sudo apt-get install gimp-help-en gimp-help-it", d)
		}
		filepath.WalkDir(d, func(p string, e os.DirEntry, err error) error {
			if err == nil && !e.IsDir() && strings.HasSuffix(p, ".html") {
				data, err := os.ReadFile(p)
				if err != nil {
					b.Fatal(err)
				}
				pages = append(pages, &page{path: p, data: data})
				size += int64(len(data))
			}
			return nil
		})
	}
	l, err := Open(Config{Dir: b.TempDir(), Seeds: seeds.FS})
	if err != nil {
		b.Fatal(err)
	}
	defer l.Close()
	extractAll := func() {
		for _, p := range pages {
			res, err := extract.Extract(p.path, p.data)
			if err != nil {
				continue
			}
			p.res = res
		}
	}
	parseAll := func() {
		for _, p := range pages {
			if p.res == nil {
				continue
			}
			doc, err := parseDocument(context.Background(), corpus.Meta{ID: "gimp-" + PathKey(p.path), Title: p.res.Title, Lang: p.res.Lang}, p.res.Text)
			if err == nil {
				p.doc = doc
			}
		}
	}
	extractAll()
	parseAll()
	l.Tag(pages[0].doc) // the taxonomy loaded outside the timing
	stage := func(name string, f func()) {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			cpu := processCPU()
			for b.Loop() {
				f()
			}
			b.ReportMetric(float64((processCPU()-cpu).Milliseconds())/float64(b.N), "cpu-ms/op")
		})
	}
	stage("extract", extractAll)
	stage("parse", parseAll)
	stage("tag", func() {
		for _, p := range pages {
			if p.doc != nil && p.doc.Lang != "" {
				l.Tag(p.doc)
			}
		}
	})
	stage("all", func() {
		if _, _, err := ReadDocuments(context.Background(), gimpHelp, ReadOptions{Tag: l.Tag}, func(*ReadFile) error { return nil }); err != nil {
			b.Fatal(err)
		}
	})
}
