#!/bin/sh
# Screenshots of the real window under Xvfb, driven with xdotool: the app
# opens examples/sample.brief (if present) with a query typed in
# (ATTACHE_QUERY), then the keyboard selects a result and adds it to the
# brief.
# Writes DIR/1-search.png, DIR/2-passage.png and DIR/3-outline.png.
# Usage: scripts/screenshots.sh BIN DIR
set -u
NAME=screenshots
BIN=${1:-bin/attache}
DIR=${2:-screenshots}
QUERY=${ATTACHE_QUERY:-undersea cables}
[ -x "$BIN" ] || { echo "screenshots: $BIN is not an executable; build it first" >&2; exit 1; }
mkdir -p "$DIR"
WORK=$(mktemp -d)
. "$(dirname "$0")/xvfb.sh"

fail() {
	echo "screenshots: FAIL: $*" >&2
	[ -s "$WORK/app.log" ] && tail -n 20 "$WORK/app.log" >&2
	exit 1
}

# shot NAME waits for the screen to settle and saves it as DIR/NAME.png.
shot() {
	sleep 1.5
	import -window root "$DIR/$1.png" || fail "could not take $1.png"
	echo "screenshots: wrote $DIR/$1.png"
}

start_xvfb
# Build the library's index first (the docs command opens the library),
# so that the window's first search is answered at once.
mkdir -p "$WORK/library"
HOME="$WORK/home" "$BIN" --library "$WORK/library" docs >/dev/null 2>&1 || fail "the library could not be built"

BRIEF=""
[ -f examples/sample.brief ] && BRIEF=$(cp examples/sample.brief "$WORK/sample.brief" && echo "$WORK/sample.brief")
export ATTACHE_QUERY="$QUERY"
# shellcheck disable=SC2086
start_app "$WORK/library" $BRIEF
WIN=$(wait_window)
[ -n "$WIN" ] || fail "no window named Attaché appeared within 60 s"
xdotool windowfocus --sync "$WIN" >/dev/null 2>&1 || true
sleep 2
shot 1-search

# The query field has the focus: Down moves through the results (the
# second one is selected and shown in the reader).
xdotool key Down Down
shot 2-passage

# Ctrl+Enter adds it to the brief's selected (or first) section.
xdotool key ctrl+Return
shot 3-outline

xdotool key ctrl+q
# The brief has unsaved changes: answer "Don't save" (Tab Tab Space).
sleep 1
xdotool key Tab Tab space
status=$(wait_exit 10)
[ "$status" = 0 ] || fail "the app did not quit cleanly (status '${status}')"
echo "screenshots: done"
