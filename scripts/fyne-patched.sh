#!/bin/sh
# The window program's copy of Fyne, patched for memory, which `make build`
# links into bin/attache-window: writes OUT/fyne (Fyne's module as go.mod
# requires it, copied from the module cache, with the patch below) and
# OUT/window.mod and OUT/window.sum (go.mod and go.sum, plus a replace of
# Fyne by that copy), for `go build -modfile OUT/window.mod`. The copy is
# made again only when the required version changes. Plain `go build .`
# and the tests use Fyne as it is.
#
# The patch: Fyne's painter adds to every text style's fonts, eagerly, the
# system's font for the user's language (lookupFaces → lookupLangFont),
# whether or not a glyph will ever be taken from it. Under Debian that is
# a DejaVu face per style (Sans, Bold, Oblique, Mono), each parsed whole by
# go-text: 7.5 MB of the window's heap for glyphs the theme's own Noto Sans
# already has. Without it a rune the theme's font lacks is still found in
# the system's fonts when it is first drawn (dynamicFontMap.ResolveFace →
# lookupRuneFont), so nothing is drawn differently. If Fyne's source no
# longer has the line this replaces, the script fails: look at the new
# source and bring the patch up to date.
# Usage: scripts/fyne-patched.sh OUT
set -eu
OUT=${1:?usage: scripts/fyne-patched.sh OUT}
GO=${GO:-go}
MOD=fyne.io/fyne/v2
mkdir -p "$OUT"

version=$($GO list -m -f '{{.Version}}' "$MOD")
stamp="$OUT/fyne.version"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$version" ] || [ ! -d "$OUT/fyne" ]; then
	$GO mod download "$MOD"
	src=$($GO list -m -f '{{.Dir}}' "$MOD")
	rm -rf "$OUT/fyne" "$stamp"
	cp -R "$src" "$OUT/fyne"
	chmod -R u+w "$OUT/fyne"
	font="$OUT/fyne/internal/painter/font.go"
	old='	local := lookupLangFont(family, aspect)'
	new='	_, local := aspect, (*font.Face)(nil) // attache: no eager language font (scripts/fyne-patched.sh)'
	if [ "$(grep -cxF "$old" "$font")" != 1 ]; then
		echo "fyne-patched: $font ($MOD $version) has no line '$old' to patch; bring scripts/fyne-patched.sh up to date" >&2
		rm -rf "$OUT/fyne"
		exit 1
	fi
	awk -v old="$old" -v new="$new" '$0 == old { print new; next } { print }' "$font" >"$font.tmp"
	mv "$font.tmp" "$font"
	echo "$version" >"$stamp"
fi

dir=$(cd "$OUT" && pwd)
{
	cat go.mod
	echo
	echo "replace $MOD => $dir/fyne"
} >"$OUT/window.mod.tmp"
mv "$OUT/window.mod.tmp" "$OUT/window.mod"
cp go.sum "$OUT/window.sum"
