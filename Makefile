# Attaché: `make run` opens the app on the embedded library; `make test`
# runs every test. Both install what is missing first (scripts/deps.sh).

GO      ?= go
BIN     := bin/attache
SHOTS   := screenshots

.PHONY: all run test build deps vet bench bench-scale bench-peers bench-team eval screenshots smoke check-docx check-odt fuzz clean

all: build

deps:
	@sh scripts/deps.sh

# no_emoji leaves out Fyne's bundled colour emoji font (4 MB), which Fyne
# would otherwise parse once per text style at start: 10 MB of the window's
# idle memory. Emoji still show where the system has a font for them.
TAGS    ?= no_emoji

# The lean build: the window program (the plain build, bin/attache-window)
# first, then the command line's build embedding it (tag lean, Linux), which
# links no window toolkit, so that `attache search` and the other
# subcommands start without Fyne's initialisation; with no subcommand it
# runs the embedded window program, written once per build into the user's
# cache folder (window_lean.go). One file,
# bin/attache; `go build .` alone makes the plain build, window linked in.
#
# The window program links a copy of Fyne patched for memory (bin/fyne,
# bin/window.mod: scripts/fyne-patched.sh says what the patch does and why).
build: deps
	@sh scripts/fyne-patched.sh bin
	$(GO) build -modfile bin/window.mod -tags '$(TAGS)' -o bin/attache-window .
	$(GO) build -tags '$(TAGS) lean' -o $(BIN) .

run: build
	./$(BIN)

vet:
	$(GO) vet ./...

test: build
	$(GO) vet ./...
	$(GO) test -count=1 ./...
	@sh scripts/smoke.sh $(BIN)

bench: deps
	$(GO) test -run '^$$' -bench . -benchtime 5x -timeout 1h ./...

# The library at a million passages (the GIMP manual imported again and
# again, beside the seeds): import throughput, open, search median and p99,
# peak memory, index and store size. Long; not part of "test" or "bench"'s
# default size (100,000 passages).
SCALE ?= 1000000
bench-scale: deps
	ATTACHE_BENCH_PASSAGES=$(SCALE) $(GO) test -run '^$$' -bench '^BenchmarkScale$$' -benchtime 1x -timeout 6h -v ./index/

# Attaché beside Recoll on the same copy of the GIMP manual (both installed
# from Debian when missing): import time and memory, then whole-process
# searches alternating the two programs, COPIES copies of the manual
# (COPIES=6 is about 100,000 passages). A benchmark, not a test.
COPIES ?= 1
IMPORT_PAIRS ?= 3
bench-peers: build
	COPIES=$(COPIES) IMPORT_PAIRS=$(IMPORT_PAIRS) sh scripts/bench-peers.sh $(BIN)

GIMP_HELP := /usr/share/gimp/2.0/help

# Both libraries on the same judged sets: the local one (attache eval, on
# the seeds' set and the held-out one judged apart from it), then
# the team library on a throwaway PostgreSQL beside the local one, side by
# side, on the seeds' set and (when the manual is installed) the GIMP one;
# it fails if the team's nDCG@10 is more than 0.05 under the local's.
eval: deps
	$(GO) run . eval
	@echo; $(GO) run . eval testdata/eval-heldout.json
	@if [ -d $(GIMP_HELP)/en ] && [ -d $(GIMP_HELP)/it ]; then \
		echo; $(GO) run . eval --import $(GIMP_HELP)/en --import $(GIMP_HELP)/it testdata/eval-gimp.json; \
	else \
		echo "eval: the GIMP manual is not installed (apt-get install gimp-help-en gimp-help-it): testdata/eval-gimp.json skipped"; \
	fi
	ATTACHE_TEAM_EVAL_GIMP=1 $(GO) test -count=1 -run '^TestEval(GIMP|HeldOut)?BesideLocal$$' -v -timeout 30m ./index/team/

# The team library beside the local one at scale (copies of Debian's GIMP
# manual, installed if missing): import throughput, search median and p99
# with 1 and 8 clients, ts_headline against Go highlights. Not part of
# "test". BENCH_PASSAGES=1000000 for the large run; BENCH_MINUTES bounds the
# imports (the searches are then timed at the size reached).
BENCH_PASSAGES ?= 100000
BENCH_MINUTES ?= 0
bench-team: deps
	@[ -d /usr/share/gimp/2.0/help/en ] && [ -d /usr/share/gimp/2.0/help/it ] || \
		{ [ "$$(id -u)" -eq 0 ] && apt-get install -y -qq --no-install-recommends gimp-help-en gimp-help-it >/dev/null; }
	ATTACHE_TEAM_BENCH_PASSAGES=$(BENCH_PASSAGES) ATTACHE_TEAM_BENCH_MINUTES=$(BENCH_MINUTES) $(GO) test -count=1 -run '^$$' -bench '^BenchmarkScaleBeside$$' -benchtime 1x -timeout 3h ./index/team/

screenshots: build
	@sh scripts/screenshots.sh $(BIN) $(SHOTS)

smoke: build
	@sh scripts/smoke.sh $(BIN)

# The Word export converted by LibreOffice (installed if missing) and read
# back with pdftotext; pages as PNG in $(SHOTS)/docx. Not part of "test":
# LibreOffice is a large install for CI.
check-docx: build
	@sh scripts/check-office.sh docx $(BIN) $(SHOTS)/docx

# check-odt: LibreOffice converts the ODT export to PDF; pdftotext checks
# the marking, the page fields and the notes (TestODTLibreOffice)
check-odt: build
	@sh scripts/check-office.sh odt $(BIN) $(SHOTS)/odt

# fuzz runs each fuzz target for FUZZTIME (a minute), one at a time; not
# part of make test. New failing inputs land in the package's
# testdata/fuzz/<target>/, beside the seed corpus.
FUZZTIME ?= 1m
FUZZFLAGS ?=
FUZZ_TARGETS := FuzzParse:./index/corpus FuzzSearch:./index \
	FuzzParseBrief:./briefing FuzzExtractHTML:./index/extract FuzzExtractDOCX:./index/extract

fuzz: deps
	@for t in $(FUZZ_TARGETS); do \
		name=$${t%%:*}; pkg=$${t#*:}; \
		echo "fuzz $$name ($$pkg) for $(FUZZTIME)"; \
		$(GO) test -run '^$$' -fuzz "^$$name\$$" -fuzztime $(FUZZTIME) $(FUZZFLAGS) $$pkg || exit 1; \
	done

clean:
	rm -rf bin $(SHOTS)
