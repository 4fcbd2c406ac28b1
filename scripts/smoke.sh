#!/bin/sh
# Smoke test of the real window: starts BIN under Xvfb on an empty library,
# waits for the window, checks that it drew something, quits with Ctrl+Q and
# checks the app exits 0. Builds nothing: the Makefile builds BIN first.
# Usage: scripts/smoke.sh BIN
set -u
NAME=smoke
BIN=${1:-bin/attache}
if [ ! -x "$BIN" ]; then
	echo "smoke: $BIN is not an executable; build it first (make build)" >&2
	echo "smoke: 0 passed, 1 failed"
	exit 1
fi
WORK=$(mktemp -d)
. "$(dirname "$0")/xvfb.sh"

fail() {
	echo "smoke: FAIL: $*" >&2
	if [ -s "$WORK/app.log" ]; then
		echo "smoke: the app's output:" >&2
		tail -n 20 "$WORK/app.log" >&2
	fi
	echo "smoke: 0 passed, 1 failed"
	exit 1
}

start_xvfb
# A fresh home so that preferences and autosaves of a real user are not
# touched, and an empty library folder that the app fills from its seeds.
mkdir -p "$WORK/home" "$WORK/library"
started=$(date +%s%N)
start_app "$WORK/library"

WIN=$(wait_window)
if [ -z "$WIN" ]; then
	[ -s "$WORK/status" ] && fail "the app exited with status $(cat "$WORK/status") before showing a window"
	fail "no window named Attaché appeared within 60 s"
fi
shown=$((($(date +%s%N) - started) / 1000000))
# Give the first frames time to be drawn, then look at the screen.
i=0
colours=0
while [ $i -lt 20 ]; do
	import -window root "$WORK/shot.png" 2>/dev/null
	colours=$(identify -format %k "$WORK/shot.png" 2>/dev/null || echo 0)
	[ "${colours:-0}" -gt 50 ] && break
	i=$((i + 1))
	sleep 0.5
done
[ "${colours:-0}" -gt 50 ] || fail "the window looks blank ($colours colours on screen)"

# The first window fits the screen (a 1366x768 laptop's), with room to
# spare: at most 90 % of it either way, and wholly on it.
eval "$(xdotool getdisplaygeometry --shell)"
sw=$WIDTH
sh_=$HEIGHT
i=0
while [ $i -lt 20 ]; do
	eval "$(xdotool getwindowgeometry --shell "$WIN")"
	[ "$WIDTH" -le $((sw * 9 / 10 + 1)) ] && [ "$HEIGHT" -le $((sh_ * 9 / 10 + 1)) ] && break
	i=$((i + 1))
	sleep 0.25
done
[ "$WIDTH" -le $((sw * 9 / 10 + 1)) ] && [ "$HEIGHT" -le $((sh_ * 9 / 10 + 1)) ] ||
	fail "the first window is ${WIDTH}x${HEIGHT} on a ${sw}x${sh_} screen: more than 90 % of it"
[ "$X" -ge 0 ] && [ "$Y" -ge 0 ] && [ $((X + WIDTH)) -le "$sw" ] && [ $((Y + HEIGHT)) -le "$sh_" ] ||
	fail "the first window (${WIDTH}x${HEIGHT} at $X,$Y) is not wholly on the ${sw}x${sh_} screen"
size="${WIDTH}x${HEIGHT} on ${sw}x${sh_}"

# The window's memory at rest, as a user's process list shows it (a
# figure, not a check: it depends on the machine's GL driver): RSS and
# PSS once the window has settled (the library open, the first frames,
# app/memory.go's settling 3 s later), and the part of it that is
# Mesa's software renderer (libLLVM and the swrast driver's pages) where
# there is no GPU, as under Xvfb.
sleep 8
memory=""
if [ -r "/proc/$APP_PID/smaps" ]; then
	memory=$(awk '
		/^[0-9a-f]+-[0-9a-f]+ / { name = $6 }
		/^Rss:/ { rss += $2; if (name ~ /libLLVM|swrast_dri|llvmpipe/) gl += $2 }
		/^Pss:/ { pss += $2 }
		END { printf "idle memory RSS %d MB, PSS %d MB (software GL %d MB)", rss / 1024, pss / 1024, gl / 1024 }
	' "/proc/$APP_PID/smaps")
fi

xdotool windowfocus --sync "$WIN" 2>/dev/null
xdotool key ctrl+q
status=$(wait_exit 15)
[ -n "$status" ] || fail "the app did not exit within 15 s of Ctrl+Q"
[ "$status" -eq 0 ] || fail "the app exited with status $status"
if grep -q "Error parsing user locale" "$WORK/app.log"; then
	fail "the app printed a locale error under LANG=C.UTF-8"
fi
echo "smoke: window shown after ${shown} ms, ${size}, drawn ($colours colours), Ctrl+Q exited 0"
[ -n "$memory" ] && echo "smoke: $memory"
echo "smoke: 1 passed, 0 failed"
