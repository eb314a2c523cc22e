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
# The sandbox answers its first reading of each list more slowly than the next ones (at a
# million members the first sync took 11.4 s, the next ones 7.8-8.2 s; the script 9.4 s, then
# 8.0-8.9 s), so one untimed pass of the script reads every list before anything is timed,
# and then ROUNDS rounds (default 3) each time the sync, the script and the shell one after
# the other: the medians are reported, and each round's ratios, since this machine's speed
# drifts from one minute to the next.
#
# Usage: Benchmarks/Baselines/figure1.sh [MEMBERS] [ROUNDS]   (default 200000 3)
# REWARDS_OPS_BINARY picks the release binary (default .build/release/rewards-ops, where `swift build -c release` puts it).
# REWARDS_OPS_OTHER_BINARY (optional), another build (say, before a change): its own sync --once
# into another empty mirror of the same sandbox in the same run, and the ratio of the two.
set -euo pipefail
members=${1:-200000}
rounds=${2:-3}
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

script() {
  python3 "$here/page_lists.py" "$REWARDS_OPS_BASE_URL" "$REWARDS_OPS_KEY_ID" "$REWARDS_OPS_KEY_SECRET" \
    | python3 -c "import json,sys; print(json.load(sys.stdin)['seconds'])"
}
script > /dev/null  # the warm-up pass, untimed

: > "$work/rounds"
for round in $(seq 1 "$rounds"); do
  rm -f "$work"/mirror.sqlite* "$work"/other.sqlite* "$work"/plain.sqlite*
  /usr/bin/time -f "%e %M" -o "$work/sync.time" "$binary" sync --once 2> "$work/sync.log"
  read -r sync_seconds sync_kib < "$work/sync.time"
  other_seconds=0
  other_kib=0
  if [ -n "${REWARDS_OPS_OTHER_BINARY:-}" ]; then
    REWARDS_OPS_MIRROR="$work/other.sqlite" /usr/bin/time -f "%e %M" -o "$work/other.time" \
      "$REWARDS_OPS_OTHER_BINARY" sync --once 2> "$work/other.log"
    read -r other_seconds other_kib < "$work/other.time"
  fi
  script_seconds=$(script)
  start=$(date +%s.%N)
  printf '.parameter init\n.parameter set @rows %s\n.read "%s"\n' "$members" "$here/plain_insert.sql" \
    | sqlite3 -batch -bail "$work/plain.sqlite" > /dev/null
  shell_seconds=$(echo "$(date +%s.%N) - $start" | bc -l)
  echo "$sync_seconds $sync_kib $script_seconds $shell_seconds $other_seconds $other_kib" >> "$work/rounds"
done
# The last round's mirror is the one the indexes are built in.
rm -f "$work"/other.sqlite*

# The indexes: a continuous sync builds the members' and then the request logs' after catching
# up, and says how long each took.
"$binary" sync 2> "$work/index.log" &
follower=$!
for _ in $(seq 1 3000); do grep -q "request log search index ready" "$work/index.log" && break; sleep 0.2; done
kill "$follower"; wait "$follower" 2>/dev/null || true
index_line=$(grep -o "search index ready: [0-9,]* members in .*" "$work/index.log" || echo "members' search index: not ready in 600 s")
log_index_line=$(grep -o "request log search index ready: .*" "$work/index.log" || echo "request log search index: not ready in 600 s")

python3 - "$members" "$work/rounds" "$index_line" "$log_index_line" "$(uptime)" <<'PY'
import statistics, sys
members, rounds_file, index_line, log_index_line, load = sys.argv[1:]
members = int(members)
rounds = [[float(v) for v in line.split()] for line in open(rounds_file) if line.strip()]
sync, sync_kib, script, shell, other, other_kib = (list(column) for column in zip(*rounds))
median = statistics.median
rate = lambda seconds: f"{members / seconds:,.0f}"
def spread(values, digits):
    return "–".join(f"{v:.{digits}f}" for v in (min(values), max(values)))
print(f"members {members:,}, {len(rounds)} rounds after one untimed pass over the lists (medians; per-round ranges)")
print(f"sync --once        {median(sync):7.2f} s  {rate(median(sync))} members/s  peak RSS {median(sync_kib) / 1024:.1f} MiB "
      f"(rounds {spread([k / 1024 for k in sync_kib], 1)}; goal < 60 MB)")
print(f"python script      {median(script):7.2f} s  {rate(median(script))} members/s  ratio sync/script "
      f"{median([b / a for a, b in zip(sync, script)]):.2f} (rounds {spread([b / a for a, b in zip(sync, script)], 2)}; goal >= 1.5)")
print(f"sqlite3 plain      {median(shell):7.2f} s  {rate(median(shell))} rows/s     ratio sync/shell  "
      f"{median([b / a for a, b in zip(sync, shell)]):.3f} (rounds {spread([b / a for a, b in zip(sync, shell)], 3)}; goal >= 0.3)")
if any(o > 0 for o in other):
    print(f"other binary       {median(other):7.2f} s  {rate(median(other))} members/s  peak RSS {median(other_kib) / 1024:.1f} MiB; "
          f"ratio other/sync {median([o / a for a, o in zip(sync, other)]):.2f} (rounds {spread([o / a for a, o in zip(sync, other)], 2)}); "
          f"its ratio to the shell {median([b / o for o, b in zip(other, shell)]):.3f}, to the script {median([b / o for o, b in zip(other, script)]):.2f}")
print(index_line)
print(log_index_line)
print("load:" + load.split("load average:")[-1])
PY
