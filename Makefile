# Attaché: `make run` opens the app on the embedded library; `make test`
# runs every test. Both install what is missing first (scripts/deps.sh).

GO      ?= go
BIN     := bin/attache
SHOTS   := screenshots

.PHONY: all run test build deps vet bench eval screenshots smoke check-docx fuzz clean

all: build

deps:
	@sh scripts/deps.sh

build: deps
	$(GO) build -o $(BIN) .

run: build
	./$(BIN)

vet:
	$(GO) vet ./...

test: build
	$(GO) vet ./...
	$(GO) test -count=1 ./...
	@sh scripts/smoke.sh $(BIN)

bench: deps
	$(GO) test -run '^$$' -bench . -benchtime 5x ./...

eval: deps
	$(GO) run . eval

screenshots: build
	@sh scripts/screenshots.sh $(BIN) $(SHOTS)

smoke: build
	@sh scripts/smoke.sh $(BIN)

# The Word export converted by LibreOffice (installed if missing) and read
# back with pdftotext; pages as PNG in $(SHOTS)/docx. Not part of "test":
# LibreOffice is a large install for CI.
check-docx: build
	@sh scripts/check-docx.sh $(BIN) $(SHOTS)/docx

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
