#!/bin/sh
# The heavy check of the ODT export, outside "make test": LibreOffice
# (libreoffice-writer-nogui, a large install) converts the ODT export of
# examples/sample.brief to PDF, and pdftotext must find the marking at the
# top and foot of every page, "Page X of Y", the contents with the right
# pages, every quotation and every footnote or endnote (briefing's
# TestODTLibreOffice). Then the sample's pages, as LibreOffice lays them
# out, are written as PNG files to look at.
# Usage: scripts/check-odt.sh BIN [OUTDIR]   (the Makefile builds BIN)
set -eu
BIN=${1:-bin/attache}
OUT=${2:-screenshots/odt}
if ! command -v soffice >/dev/null 2>&1; then
	if [ "$(id -u)" -eq 0 ]; then
		echo "Installing: libreoffice-writer-nogui"
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -qq
		apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui >/dev/null
	else
		echo "check-odt: LibreOffice is missing. Run:" >&2
		echo "  sudo apt-get update && sudo apt-get install -y libreoffice-writer-nogui" >&2
		exit 1
	fi
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
rc=0
ATTACHE_LIBREOFFICE=1 go test -count=1 -run 'ODT' -v ./briefing/ >"$WORK/test.log" 2>&1 || rc=$?
grep -E '^(---|ok|FAIL|PASS)|odt_.*_test.go' "$WORK/test.log" || true
if [ "$rc" -ne 0 ]; then
	echo "check-odt: FAIL" >&2
	exit 1
fi
mkdir -p "$OUT"
"$BIN" export examples/sample.brief -o "$WORK/sample.odt" --no-check --json >"$WORK/export.json"
soffice -env:UserInstallation="file://$WORK/profile" --headless --convert-to pdf --outdir "$WORK" "$WORK/sample.odt" >/dev/null 2>&1
rm -f "$OUT"/sample-*.png
pdftoppm -png -r 60 "$WORK/sample.pdf" "$OUT/sample"
cp "$WORK/sample.odt" "$WORK/sample.pdf" "$OUT/"
echo "check-odt: the sample brief's ODT file, its LibreOffice PDF and pages are in $OUT: look at them"
ls "$OUT"
