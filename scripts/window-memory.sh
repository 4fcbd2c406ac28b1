#!/bin/sh
# The window's idle memory: starts each binary in turn under Xvfb on a
# copy of LIBRARY (the seeds when empty) with a fresh home, waits SECONDS
# (20), and prints VmRSS and its anonymous and file-backed parts from
# /proc/PID/status, alternating A B A B … for ROUNDS (3) pairs. A benchmark,
# not a test: the figures move with the machine's load; compare the pairs.
# FIRST_START=1 measures the very first start instead (an empty library the
# window builds from the seeds itself, as make smoke and a new user's first
# run do); otherwise an earlier command-line start builds it, unmeasured.
# Each start has a fresh home, so a cold cache folder: Mesa compiles the
# GL shaders again, as on a new machine. WARM_CACHE=1 shares one cache
# folder between the starts instead, warmed by an unmeasured start of each
# binary first, as on the user's later starts.
# Usage: scripts/window-memory.sh BIN_A [BIN_B] [LIBRARY]
set -u
NAME=window-memory
A=$1
B=${2:-}
LIB=${3:-}
SECONDS_IDLE=${SECONDS_IDLE:-20}
ROUNDS=${ROUNDS:-3}
WORK=$(mktemp -d)
. "$(dirname "$0")/xvfb.sh"
start_xvfb

# measure BIN: one start, one line of figures.
measure() {
	home=$(mktemp -d "$WORK/home.XXXX")
	lib=$home/library
	if [ -n "$LIB" ]; then cp -r "$LIB" "$lib"; else mkdir -p "$lib"; fi
	# a first start builds an empty library from the seeds: not measured
	[ -n "$LIB" ] || [ "${FIRST_START:-}" = 1 ] || HOME=$home ATTACHE_LIBRARY=$lib "$1" search seeds >/dev/null 2>&1
	cache=$home/.cache
	[ "${WARM_CACHE:-}" != 1 ] || cache=$WORK/cache
	HOME=$home XDG_CACHE_HOME=$cache XDG_CONFIG_HOME=$home/.config XDG_DATA_HOME=$home/.local/share ATTACHE_LIBRARY=$lib "$1" >"$home/app.log" 2>&1 &
	APP_PID=$!
	sleep "$SECONDS_IDLE"
	s=/proc/$APP_PID/status
	if [ ! -r "$s" ]; then
		echo "$NAME: $1 exited early:" >&2
		tail -n 5 "$home/app.log" >&2
		APP_PID=""
		return
	fi
	awk -v bin="$1" '/^VmRSS/{r=$2} /^RssAnon/{a=$2} /^RssFile/{f=$2} /^RssShmem/{s=$2}
		END{printf "%-28s VmRSS %4d MB  anon %4d MB  file %4d MB  shmem %2d MB\n", bin, r/1024, a/1024, f/1024, s/1024}' "$s"
	kill "$APP_PID" 2>/dev/null
	wait "$APP_PID" 2>/dev/null
	APP_PID=""
	rm -rf "$home"
}

if [ "${WARM_CACHE:-}" = 1 ]; then
	measure "$A" >/dev/null
	[ -z "$B" ] || measure "$B" >/dev/null
fi
i=0
while [ "$i" -lt "$ROUNDS" ]; do
	measure "$A"
	[ -z "$B" ] || measure "$B"
	i=$((i + 1))
done
