#!/bin/sh
# bench-peers: Attaché beside Recoll (Xapian) on the same copy of the GIMP
# manual (Debian gimp-help-en and gimp-help-it): import wall time and peak
# memory, then whole-process searches, recollq and attache search
# alternating A B A B, PAIRS pairs per query, each ratio the median of its
# pairs. A benchmark, not a test: it prints figures and fails only when a
# program fails.
#
#   sh scripts/bench-peers.sh [bin/attache]
#   COPIES=6 sh scripts/bench-peers.sh     # six copies of the manual (~100k passages)
#   PAIRS=9 sh scripts/bench-peers.sh
#   IMPORT_PAIRS=5 sh scripts/bench-peers.sh   # imports from scratch, alternating (3 pairs)
#   BEFORE=/path/to/older/attache sh scripts/bench-peers.sh   # each import pair
#       also imports with that build (between the two) and prints its ratios too
set -eu

ATTACHE=${1:-bin/attache}
COPIES=${COPIES:-1}
PAIRS=${PAIRS:-5}
IMPORT_PAIRS=${IMPORT_PAIRS:-3}
BEFORE=${BEFORE:-}
HELP=/usr/share/gimp/2.0/help

need_pkgs=""
command -v recollindex >/dev/null 2>&1 || need_pkgs="$need_pkgs recoll"
[ -d "$HELP/en" ] || need_pkgs="$need_pkgs gimp-help-en"
[ -d "$HELP/it" ] || need_pkgs="$need_pkgs gimp-help-it"
[ -x /usr/bin/time ] || need_pkgs="$need_pkgs time"
if [ -n "$need_pkgs" ]; then
	if [ "$(id -u)" != 0 ]; then
		echo "bench-peers: needs$need_pkgs; install with: sudo apt-get install$need_pkgs" >&2
		exit 1
	fi
	echo "bench-peers: installing$need_pkgs" >&2
	apt-get install -y --no-install-recommends $need_pkgs >/dev/null
fi
[ -x "$ATTACHE" ] || { echo "bench-peers: no Attaché binary at $ATTACHE (make build)" >&2; exit 1; }
ATTACHE=$(cd "$(dirname "$ATTACHE")" && pwd)/$(basename "$ATTACHE")
if [ -n "$BEFORE" ]; then
	[ -x "$BEFORE" ] || { echo "bench-peers: no Attaché binary at BEFORE=$BEFORE" >&2; exit 1; }
	BEFORE=$(cd "$(dirname "$BEFORE")" && pwd)/$(basename "$BEFORE")
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/attache-bench-peers.XXXXXX")
trap 'rm -rf "$WORK"' EXIT INT TERM
DOCS=$WORK/gimp
mkdir -p "$DOCS"
i=1
while [ "$i" -le "$COPIES" ]; do
	mkdir -p "$DOCS/copy$i"
	# the pages only (1,370 HTML files, 18 MB), as the issue measured them
	(cd "$HELP" && find en it -name '*.html' | tar -cf - -T -) | (cd "$DOCS/copy$i" && tar -xf -)
	i=$((i + 1))
done
echo "bench-peers: $COPIES cop$( [ "$COPIES" = 1 ] && echo y || echo ies) of the GIMP manual EN+IT in $DOCS ($(du -sh "$DOCS" | cut -f1))"

# Recoll with a private configuration in the temporary folder.
export RECOLL_CONFDIR=$WORK/recoll
mkdir -p "$RECOLL_CONFDIR"
cat >"$RECOLL_CONFDIR/recoll.conf" <<EOF
topdirs = $DOCS
dbdir = $WORK/recoll/xapiandb
EOF
export ATTACHE_LIBRARY=$WORK/library
export XDG_CACHE_HOME=$WORK/cache
# The library is made (the seeds indexed) before the clock starts: Recoll
# has no seeds. Each import starts from a copy of it.
"$ATTACHE" docs >/dev/null
cp -a "$ATTACHE_LIBRARY" "$WORK/seeds-library"

measure() { # label command…: prints "label wall_s peak_MB cpu_s"
	label=$1
	shift
	# what the run before left to write back is not this run's to wait for
	sync
	/usr/bin/time -f "%e %M %U %S" -o "$WORK/time.out" "$@" >"$WORK/out.txt" 2>"$WORK/err.txt" || {
		echo "bench-peers: $label failed:" >&2
		tail -5 "$WORK/err.txt" >&2
		exit 1
	}
	set -- $(tail -1 "$WORK/time.out")
	echo "$label $1 $(($2 / 1024)) $(echo "$3 $4" | awk '{print $1 + $2}')"
}

# Imports from scratch, recollindex and attache import alternating,
# IMPORT_PAIRS pairs; each ratio is the median of the pairs' ratios.
: >"$WORK/imports.txt"
i=1
while [ "$i" -le "$IMPORT_PAIRS" ]; do
	rm -rf "$WORK/recoll/xapiandb" "$ATTACHE_LIBRARY"
	cp -a "$WORK/seeds-library" "$ATTACHE_LIBRARY"
	r=$(measure recollindex recollindex -c "$RECOLL_CONFDIR")
	if [ -n "$BEFORE" ]; then
		b=$(measure before-import "$BEFORE" import "$DOCS")
		echo "$b" | awk -v i="$i" '{printf "import %d: BEFORE attache import %6.2f s wall %6.2f s processor %4d MB peak\n", i, $2, $4, $3}'
		rm -rf "$ATTACHE_LIBRARY"
		cp -a "$WORK/seeds-library" "$ATTACHE_LIBRARY"
	fi
	a=$(measure attache-import "$ATTACHE" import "$DOCS")
	echo "$r $a" >>"$WORK/imports.txt"
	echo "$r $a" | awk -v i="$i" '{printf "import %d: recollindex %6.2f s wall %6.2f s processor %4d MB peak | attache import %6.2f s wall %6.2f s processor %4d MB peak\n", i, $2, $4, $3, $6, $8, $7}'
	[ -z "$BEFORE" ] || echo "$a $b" >>"$WORK/before.txt"
	i=$((i + 1))
done
passages=$("$ATTACHE" docs --json | python3 -c 'import json,sys; print(sum(d["passages"] for d in json.load(sys.stdin)))')
echo "attache library: $passages passages, library folder $(du -sh "$ATTACHE_LIBRARY" | cut -f1) (index $(du -sh "$ATTACHE_LIBRARY/index.bleve" | cut -f1)); Recoll database $(du -sh "$WORK/recoll/xapiandb" | cut -f1)"
python3 - "$WORK/imports.txt" <<'EOF'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
def med(f): return statistics.median(f(r) for r in rows)
print("import (median of %d pairs): recollindex %.2f s wall, %.2f s processor, %d MB; attache import %.2f s wall, %.2f s processor, %d MB" % (
    len(rows), med(lambda r: float(r[1])), med(lambda r: float(r[3])), med(lambda r: int(r[2])),
    med(lambda r: float(r[5])), med(lambda r: float(r[7])), med(lambda r: int(r[6]))))
print("import ratio (attache/recoll, median of the pairs): wall time %.2f×, processor time %.2f×, peak memory %.2f×" % (
    med(lambda r: float(r[5]) / float(r[1])), med(lambda r: float(r[7]) / float(r[3])), med(lambda r: int(r[6]) / int(r[2]))))
EOF
if [ -n "$BEFORE" ]; then
	python3 - "$WORK/before.txt" <<'EOF'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
def med(f): return statistics.median(f(r) for r in rows)
print("import ratio (attache/BEFORE, median of the pairs): wall time %.2f×, processor time %.2f×, peak memory %.2f×" % (
    med(lambda r: float(r[1]) / float(r[5])), med(lambda r: float(r[3]) / float(r[7])), med(lambda r: int(r[2]) / int(r[6]))))
EOF
fi

# Whole-process searches, alternating, timed by the shell's own clock
# (wall) and by the processor time the kernel charged each process (user +
# system, from its resource usage): on a busy machine the wall time says
# as much about the other processes as about these two, the processor time
# much less. Each ratio is the median of its pairs'.
python3 - "$ATTACHE" "$RECOLL_CONFDIR" "$PAIRS" <<'EOF'
import os, statistics, subprocess, sys, time
attache, conf, pairs = sys.argv[1], sys.argv[2], int(sys.argv[3])
queries = ["layer mask", "livello maschera", "brush dynamics", "pennello", "crop image",
           "ritaglia immagine", "color balance", "curve colore", "selection tool",
           "strumento selezione", "gradient", "sfumatura", "text tool font", "tracciato",
           "export png", "esporta", "undo history", "sfocatura gaussiana"]
def run(cmd):
    t = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t
    if status != 0:
        sys.exit(f"bench-peers: {cmd[0]} failed (status {status})")
    return wall, ru.ru_utime + ru.ru_stime
rows = []
print(f"{'query':<22} {'recollq ms':>10} {'attache ms':>10} {'ratio':>7}   {'processor ms: recollq':>21} {'attache':>7} {'ratio':>7}")
for q in queries:
    pr = []
    for _ in range(pairs):
        r = run(["recollq", "-c", conf, "-n", "0-10", "-q", q])
        a = run([attache, "search", "--limit", "10", q])
        pr.append((r, a))
    row = [statistics.median(p[0][0] for p in pr) * 1000, statistics.median(p[1][0] for p in pr) * 1000,
           statistics.median(p[1][0] / p[0][0] for p in pr),
           statistics.median(p[0][1] for p in pr) * 1000, statistics.median(p[1][1] for p in pr) * 1000,
           statistics.median(p[1][1] / max(p[0][1], 1e-6) for p in pr)]
    rows.append(row)
    print(f"{q:<22} {row[0]:10.1f} {row[1]:10.1f} {row[2]:6.2f}×   {row[3]:21.1f} {row[4]:7.1f} {row[5]:6.2f}×")
m = [statistics.median(r[i] for r in rows) for i in range(6)]
print(f"{'all queries (median)':<22} {m[0]:10.1f} {m[1]:10.1f} {m[2]:6.2f}×   {m[3]:21.1f} {m[4]:7.1f} {m[5]:6.2f}×")
EOF
