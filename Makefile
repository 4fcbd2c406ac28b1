# Attaché: `make run` opens the app on the embedded library; `make test`
# runs every test. Both install what is missing first (scripts/deps.sh).

GO      ?= go
BIN     := bin/attache
SHOTS   := screenshots

.PHONY: all run test build deps vet bench eval screenshots smoke check-docx clean

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

GIMP_HELP := /usr/share/gimp/2.0/help

eval: deps
	$(GO) run . eval
	@if [ -d $(GIMP_HELP)/en ] && [ -d $(GIMP_HELP)/it ]; then \
		echo; $(GO) run . eval --import $(GIMP_HELP)/en --import $(GIMP_HELP)/it testdata/eval-gimp.json; \
	else \
		echo "eval: the GIMP manual is not installed (apt-get install gimp-help-en gimp-help-it): testdata/eval-gimp.json skipped"; \
	fi

screenshots: build
	@sh scripts/screenshots.sh $(BIN) $(SHOTS)

smoke: build
	@sh scripts/smoke.sh $(BIN)

# The Word export converted by LibreOffice (installed if missing) and read
# back with pdftotext; pages as PNG in $(SHOTS)/docx. Not part of "test":
# LibreOffice is a large install for CI.
check-docx: build
	@sh scripts/check-docx.sh $(BIN) $(SHOTS)/docx

clean:
	rm -rf bin $(SHOTS)
