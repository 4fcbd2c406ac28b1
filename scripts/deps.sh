#!/bin/sh
# Installs what building and testing Attaché needs on Debian or Ubuntu:
# the C libraries Fyne's cgo build links against, and the tools the tests
# and screenshots use. Run as root it installs them with apt-get; otherwise
# it prints the exact command to run.
set -eu

# command-or-file:package pairs; a missing one means its package is needed.
need=""
check() {
	case "$1" in
	/*) [ -e "$1" ] || need="$need $2" ;;
	*) command -v "$1" >/dev/null 2>&1 || need="$need $2" ;;
	esac
}
check gcc gcc
check pkg-config pkg-config
check /usr/include/GL/gl.h libgl1-mesa-dev
check /usr/include/X11/extensions/Xrandr.h xorg-dev
check /usr/include/X11/Xcursor/Xcursor.h xorg-dev
check /usr/include/X11/extensions/XInput2.h xorg-dev
check pdftotext poppler-utils
check pdffonts poppler-utils
check Xvfb xvfb
check xdotool xdotool
check /usr/bin/import imagemagick
check pandoc pandoc
# The team library's tests start a throwaway PostgreSQL server of their own.
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1 || need="$need postgresql"

if ! command -v go >/dev/null 2>&1; then
	echo "Go is not installed: install Go 1.25 or later from your distribution or go.dev, then run this again." >&2
	exit 1
fi

# Keep each package once.
pkgs=$(printf '%s\n' $need | sort -u | tr '\n' ' ')
if [ -n "$(echo "$pkgs" | tr -d ' ')" ]; then
	if [ "$(id -u)" -eq 0 ]; then
		echo "Installing: $pkgs"
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -qq
		# shellcheck disable=SC2086
		apt-get install -y -qq --no-install-recommends $pkgs >/dev/null
	else
		echo "Missing packages. Run:" >&2
		echo "  sudo apt-get update && sudo apt-get install -y $pkgs" >&2
		exit 1
	fi
fi
go mod download
