# Shared by smoke.sh and screenshots.sh (sourced, not run): starts Xvfb on a
# free display and stops it, and the app, when the calling script exits.
# The caller sets WORK to a fresh temporary folder first; everything goes
# in it and it is removed at exit.

XVFB_PID=""
APP_PID=""
case "${WORK:-}" in
/tmp/* | "${TMPDIR:-/tmp}"/*) ;;
*)
	echo "xvfb.sh: WORK must be a temporary folder made with mktemp -d (it is '${WORK:-}')" >&2
	exit 1
	;;
esac

cleanup() {
	if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
		kill "$APP_PID" 2>/dev/null
		sleep 1
		kill -9 "$APP_PID" 2>/dev/null
	fi
	if [ -n "$XVFB_PID" ]; then
		kill "$XVFB_PID" 2>/dev/null
		wait "$XVFB_PID" 2>/dev/null
	fi
	rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# start_xvfb starts Xvfb on the first free display from :90 and exports
# DISPLAY. The screen is $SCREEN, a laptop's 1366x768x24 unless set.
start_xvfb() {
	for cmd in Xvfb xdotool import identify; do
		command -v "$cmd" >/dev/null 2>&1 || { echo "$NAME: $cmd is not installed (run make deps)" >&2; exit 1; }
	done
	n=90
	while [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ]; do
		n=$((n + 1))
	done
	Xvfb ":$n" -screen 0 "${SCREEN:-1366x768x24}" -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
	XVFB_PID=$!
	export DISPLAY=":$n"
	i=0
	until xdotool getdisplaygeometry >/dev/null 2>&1; do
		i=$((i + 1))
		if [ $i -gt 100 ] || ! kill -0 "$XVFB_PID" 2>/dev/null; then
			echo "$NAME: Xvfb did not start on $DISPLAY: $(tail -n 3 "$WORK/xvfb.log")" >&2
			exit 1
		fi
		sleep 0.1
	done
}

# wait_window waits up to 60 s for the Attaché window and prints its ID;
# it gives up at once if the app exits first.
wait_window() {
	i=0
	while [ $i -lt 300 ]; do
		w=$(xdotool search --onlyvisible --name 'Attaché' 2>/dev/null | head -n 1)
		if [ -n "$w" ]; then
			echo "$w"
			return
		fi
		[ -s "$WORK/status" ] && return
		i=$((i + 1))
		sleep 0.2
	done
}

# start_app LIBRARY [ARGS…] starts the app in the background with a fresh
# home (so a real user's preferences and autosaves are not touched), under
# LANG=$APP_LANG (C.UTF-8 unless set) and Fyne's theme $FYNE_THEME if set,
# logging to $WORK/app.log; $WORK/status gets its exit status. $APP_HOME
# names another home (under $WORK) to keep one between runs.
start_app() {
	lib=$1
	shift
	home=${APP_HOME:-$WORK/home}
	mkdir -p "$home"
	rm -f "$WORK/status" "$WORK/app.pid"
	(
		HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share" \
			LANG="${APP_LANG:-C.UTF-8}" LC_ALL= LC_MESSAGES= LANGUAGE= "$BIN" --library "$lib" "$@" >"$WORK/app.log" 2>&1 &
		echo $! >"$WORK/app.pid"
		wait $!
		echo $? >"$WORK/status"
	) &
	i=0
	while [ ! -s "$WORK/app.pid" ] && [ $i -lt 50 ]; do
		i=$((i + 1))
		sleep 0.1
	done
	APP_PID=$(cat "$WORK/app.pid")
}

# wait_exit SECONDS waits for the app to exit and prints its status, or
# nothing if it is still running.
wait_exit() {
	i=0
	while [ $i -lt $(($1 * 10)) ]; do
		if [ -s "$WORK/status" ]; then
			APP_PID=""
			cat "$WORK/status"
			return
		fi
		i=$((i + 1))
		sleep 0.1
	done
}
