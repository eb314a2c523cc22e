#!/usr/bin/env bash
# Figure 1 of docs/performance.md by hand, without the benchmark package: the same three
# measurements as Benchmarks/SyncBenchmarks in one run, against one sandbox.
#   1. rewards-ops sync --once into an empty mirror, timed until it returns (GNU time: wall
#      time and peak RSS of the syncing process);
#   2. the Python standard-library script paging the four lists (page_lists.py);
#   3. the sqlite3 shell's plain insert of as many member-shaped rows (plain_insert.sql);
# then the two search index builds as their own figures (a continuous `rewards-ops sync` builds
# them and reports the seconds), and the ratios: sync / plain insert (goal ≥ 0.3) and sync /
# script (goal ≥ 1.5).
#
# Usage: Benchmarks/Baselines/figure1.sh [MEMBERS]   (default 200000)
# REWARDS_OPS_BINARY picks the release binary (default .build/release/rewards-ops, where `swift build -c release` puts it).
# REWARDS_OPS_OTHER_BINARY (optional), another build (say, before a change): its own sync --once
# into another empty mirror of the same sandbox in the same run, and the ratio of the two.
set -euo pipefail
members=${1:-200000}
here=$(cd "$(dirname "$0")" && pwd)
binary=${REWARDS_OPS_BINARY:-.build/release/rewards-ops}
work=$(mktemp -d)
trap 'kill "$sandbox" 2>/dev/null || true; rm -rf "$work"' EXIT

"$binary" sandbox --port 0 --members "$members" --seed 7 > "$work/sandbox.json" 2> "$work/sandbox.log" &
sandbox=$!
for _ in $(seq 1 6000); do [ -s "$work/sandbox.json" ] && break; sleep 0.1; done
[ -s "$work/sandbox.json" ] || { echo "the sandbox did not start: $(tail -5 "$work/sandbox.log")" >&2; exit 1; }
line=$(head -1 "$work/sandbox.json")
field() { python3 -c "import json,sys; d=json.loads(sys.argv[1]); print($2)" "$line"; }
export REWARDS_OPS_BASE_URL=$(field baseUrl "d['baseUrl']")
export REWARDS_OPS_KEY_ID=$(field id "d['keys']['ops']['id']")
export REWARDS_OPS_KEY_SECRET=$(field secret "d['keys']['ops']['secret']")
export REWARDS_OPS_MIRROR="$work/mirror.sqlite"

/usr/bin/time -f "%e %M" -o "$work/sync.time" "$binary" sync --once 2> "$work/sync.log"
read -r sync_seconds sync_kib < "$work/sync.time"

other_seconds=0
other_kib=0
if [ -n "${REWARDS_OPS_OTHER_BINARY:-}" ]; then
  REWARDS_OPS_MIRROR="$work/other.sqlite" /usr/bin/time -f "%e %M" -o "$work/other.time" \
    "$REWARDS_OPS_OTHER_BINARY" sync --once 2> "$work/other.log"
  read -r other_seconds other_kib < "$work/other.time"
fi

script_seconds=$(python3 "$here/page_lists.py" "$REWARDS_OPS_BASE_URL" "$REWARDS_OPS_KEY_ID" "$REWARDS_OPS_KEY_SECRET" \
  | python3 -c "import json,sys; print(json.load(sys.stdin)['seconds'])")

start=$(date +%s.%N)
printf '.parameter init\n.parameter set @rows %s\n.read "%s"\n' "$members" "$here/plain_insert.sql" \
  | sqlite3 -batch -bail "$work/plain.sqlite" > /dev/null
shell_seconds=$(echo "$(date +%s.%N) - $start" | bc -l)

# The indexes: a continuous sync builds the members' and then the request logs' after catching
# up, and says how long each took.
"$binary" sync 2> "$work/index.log" &
follower=$!
for _ in $(seq 1 3000); do grep -q "request log search index ready" "$work/index.log" && break; sleep 0.2; done
kill "$follower"; wait "$follower" 2>/dev/null || true
index_line=$(grep -o "search index ready: [0-9,]* members in .*" "$work/index.log" || echo "members' search index: not ready in 600 s")
log_index_line=$(grep -o "request log search index ready: .*" "$work/index.log" || echo "request log search index: not ready in 600 s")

python3 - "$members" "$sync_seconds" "$sync_kib" "$script_seconds" "$shell_seconds" "$index_line" "$log_index_line" \
  "$other_seconds" "$other_kib" "$(uptime)" <<'PY'
import sys
members, sync_s, sync_kib, script_s, shell_s, index_line, log_index_line, other_s, other_kib, load = sys.argv[1:]
members, sync_s, script_s, shell_s, other_s = int(members), float(sync_s), float(script_s), float(shell_s), float(other_s)
rate = lambda seconds: f"{members / seconds:,.0f}"
print(f"members {members:,}")
print(f"sync --once        {sync_s:7.2f} s  {rate(sync_s)} members/s  peak RSS {int(sync_kib) / 1024:.1f} MiB (goal < 60 MB)")
print(f"python script      {script_s:7.2f} s  {rate(script_s)} members/s  ratio sync/script {script_s / sync_s:.2f} (goal >= 1.5)")
print(f"sqlite3 plain      {shell_s:7.2f} s  {rate(shell_s)} rows/s     ratio sync/shell  {shell_s / sync_s:.3f} (goal >= 0.3)")
if other_s > 0:
    print(f"other binary       {other_s:7.2f} s  {rate(other_s)} members/s  peak RSS {int(other_kib) / 1024:.1f} MiB; "
          f"ratio other/sync {other_s / sync_s:.2f}; its ratio to the shell {shell_s / other_s:.3f}, to the script {script_s / other_s:.2f}")
print(index_line)
print(log_index_line)
print("load:" + load.split("load average:")[-1])
PY
