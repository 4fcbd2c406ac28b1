#!/bin/sh
# Screenshots of the real window under Xvfb (1366x768, a laptop's screen),
# driven with xdotool, in the light and the dark theme, in English and in
# Italian (LANG=it_IT.UTF-8). Each run starts as a first start does (the
# start view), then types a query (ATTACHE_QUERY), reads a result, adds it
# to the brief, opens the export dialog and the writing layout.
# Writes DIR/THEME-LANG-N-what.png, for THEME light and dark, LANG en and
# it: 0-start, 1-search, 2-passage, 3-outline, 4-export, 5-writing, and
# 6-menu (the Library menu), 7-edit-menu, 8-preview (the page preview).
# A smaller screen: SCREEN=1024x600x24 scripts/screenshots.sh BIN DIR.
# Usage: scripts/screenshots.sh BIN DIR
set -u
NAME=screenshots
BIN=${1:-bin/attache}
DIR=${2:-screenshots}
[ -x "$BIN" ] || { echo "screenshots: $BIN is not an executable; build it first" >&2; exit 1; }
mkdir -p "$DIR"
WORK=$(mktemp -d)
. "$(dirname "$0")/xvfb.sh"

fail() {
	echo "screenshots: FAIL: $*" >&2
	[ -s "$WORK/app.log" ] && tail -n 20 "$WORK/app.log" >&2
	exit 1
}

# shot NAME waits for the screen to settle and saves it as DIR/$PREFIX-NAME.png.
shot() {
	sleep 1.5
	import -window root "$DIR/$PREFIX-$1.png" || fail "could not take $PREFIX-$1.png"
	echo "screenshots: wrote $DIR/$PREFIX-$1.png"
}

start_xvfb
# Build the library's index first (the docs command opens the library),
# so that the window's first search is answered at once.
mkdir -p "$WORK/library"
HOME="$WORK/home" "$BIN" --library "$WORK/library" docs >/dev/null 2>&1 || fail "the library could not be built"

# run THEME LANG LOCALE QUERY takes one set of screenshots.
run() {
	PREFIX="$1-$2"
	export FYNE_THEME="$1" APP_LANG="$3" ATTACHE_QUERY="$4" APP_HOME="$WORK/home-$PREFIX"
	start_app "$WORK/library"
	WIN=$(wait_window)
	[ -n "$WIN" ] || fail "no window named Attaché appeared within 60 s"
	xdotool windowfocus --sync "$WIN" >/dev/null 2>&1 || true
	sleep 2
	shot 0-start
	# Escape closes the start view: an untitled brief, the query typed.
	xdotool key Escape
	shot 1-search
	# The query field has the focus: Down moves through the results (the
	# second one is selected and shown in the reader).
	xdotool key Down Down
	shot 2-passage
	# Ctrl+Enter adds it to the brief's first section.
	xdotool key ctrl+Return
	shot 3-outline
	xdotool key ctrl+e
	shot 4-export
	xdotool key Escape
	xdotool key ctrl+shift+f
	shot 5-writing
	xdotool key ctrl+shift+f
	# The page preview in the reader's place (View › Page Preview).
	xdotool key ctrl+shift+p
	sleep 2
	shot 8-preview
	xdotool key ctrl+shift+p
	# The Library menu, opened with the mouse (third item of the menu bar).
	eval "$(xdotool getwindowgeometry --shell "$WIN")"
	xdotool mousemove --window "$WIN" 150 12 click 1
	shot 6-menu
	xdotool key Escape
	# The Edit menu: its long shortcuts (Ctrl+Shift+N) beside their items.
	xdotool mousemove --window "$WIN" 70 12 click 1
	shot 7-edit-menu
	xdotool key Escape
	xdotool key ctrl+q
	# The brief has unsaved changes: answer "Don't save" (Tab Tab Space).
	sleep 1
	xdotool key Tab Tab space
	status=$(wait_exit 10)
	[ "$status" = 0 ] || fail "the app did not quit cleanly (status '${status}')"
}

for theme in light dark; do
	run "$theme" en C.UTF-8 "${ATTACHE_QUERY_EN:-undersea cables}"
	run "$theme" it it_IT.UTF-8 "${ATTACHE_QUERY_IT:-cavi sottomarini}"
done
echo "screenshots: done"
