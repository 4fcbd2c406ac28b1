#!/bin/sh
# The heavy check of the Word export, outside "make test": LibreOffice
# (libreoffice-writer-nogui, a large install) converts the Word export of
# examples/sample.brief to PDF, and pdftotext must find the marking at the
# top and foot of every page, "Page X of Y", the contents and every
# footnote (briefing's TestDOCXLibreOffice). Then the sample's pages, as
# LibreOffice lays them out, are written as PNG files to look at.
# Usage: scripts/check-docx.sh BIN [OUTDIR]   (the Makefile builds BIN)
set -eu
BIN=${1:-bin/attache}
OUT=${2:-screenshots/docx}
if ! command -v soffice >/dev/null 2>&1; then
	if [ "$(id -u)" -eq 0 ]; then
		echo "Installing: libreoffice-writer-nogui"
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -qq
		apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui >/dev/null
	else
		echo "check-docx: LibreOffice is missing. Run:" >&2
		echo "  sudo apt-get update && sudo apt-get install -y libreoffice-writer-nogui" >&2
		exit 1
	fi
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
rc=0
ATTACHE_LIBREOFFICE=1 go test -count=1 -run 'DOCX' -v ./briefing/ >"$WORK/test.log" 2>&1 || rc=$?
grep -E '^(---|ok|FAIL|PASS)|docx_.*_test.go' "$WORK/test.log" || true
if [ "$rc" -ne 0 ]; then
	echo "check-docx: FAIL" >&2
	exit 1
fi
mkdir -p "$OUT"
"$BIN" export examples/sample.brief -o "$WORK/sample.docx" --no-check --json >"$WORK/export.json"
soffice -env:UserInstallation="file://$WORK/profile" --headless --convert-to pdf --outdir "$WORK" "$WORK/sample.docx" >/dev/null 2>&1
rm -f "$OUT"/sample-*.png
pdftoppm -png -r 60 "$WORK/sample.pdf" "$OUT/sample"
cp "$WORK/sample.docx" "$WORK/sample.pdf" "$OUT/"
echo "check-docx: the sample brief's Word file, its LibreOffice PDF and pages are in $OUT: look at them"
ls "$OUT"
