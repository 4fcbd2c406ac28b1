#!/bin/sh
# The heavy check of the Word or ODT export, outside "make test": LibreOffice
# (libreoffice-writer-nogui, a large install) converts the export of
# examples/sample.brief to PDF, and pdftotext must find the marking at the
# top and foot of every page, "Page X of Y", the contents with the right
# pages, every quotation and every footnote or endnote (briefing's
# TestDOCXLibreOffice and TestODTLibreOffice). Then the sample's pages, as
# LibreOffice lays them out, are written as PNG files to look at.
# Usage: scripts/check-office.sh docx|odt BIN [OUTDIR]   (the Makefile builds BIN)
set -eu
FORMAT=${1:?usage: check-office.sh docx|odt BIN [OUTDIR]}
BIN=${2:-bin/attache}
OUT=${3:-screenshots/$FORMAT}
NAME=check-$FORMAT
case "$FORMAT" in
docx) TESTS=DOCX ;;
odt) TESTS=ODT ;;
*)
	echo "$NAME: the format is docx or odt" >&2
	exit 2
	;;
esac
if ! command -v soffice >/dev/null 2>&1; then
	if [ "$(id -u)" -eq 0 ]; then
		echo "Installing: libreoffice-writer-nogui"
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -qq
		apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui >/dev/null
	else
		echo "$NAME: LibreOffice is missing. Run:" >&2
		echo "  sudo apt-get update && sudo apt-get install -y libreoffice-writer-nogui" >&2
		exit 1
	fi
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
rc=0
ATTACHE_LIBREOFFICE=1 go test -count=1 -run "$TESTS" -v ./briefing/ >"$WORK/test.log" 2>&1 || rc=$?
grep -E "^(---|ok|FAIL|PASS)|${FORMAT}_.*_test.go" "$WORK/test.log" || true
if [ "$rc" -ne 0 ]; then
	echo "$NAME: FAIL" >&2
	exit 1
fi
mkdir -p "$OUT"
"$BIN" export examples/sample.brief -o "$WORK/sample.$FORMAT" --no-check --json >"$WORK/export.json"
soffice -env:UserInstallation="file://$WORK/profile" --headless --convert-to pdf --outdir "$WORK" "$WORK/sample.$FORMAT" >/dev/null 2>&1
rm -f "$OUT"/sample-*.png
pdftoppm -png -r 60 "$WORK/sample.pdf" "$OUT/sample"
cp "$WORK/sample.$FORMAT" "$WORK/sample.pdf" "$OUT/"
echo "$NAME: the sample brief's $FORMAT file, its LibreOffice PDF and pages are in $OUT: look at them"
ls "$OUT"
