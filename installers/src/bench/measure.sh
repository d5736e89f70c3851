#!/usr/bin/env bash
# Start-up and idle benchmark of the installed Outpost (docs/performance.md, "Start-up and idle (installed)").
# Needs: Outpost installed from the .deb (/opt/outpost), and the floor app built in the same run:
#   mvn -B -Pinstaller -pl installers -am package -DskipTests -DskipITs -Dinstaller.type=deb \
#       -Dinstaller.floorSource=$PWD/installers/src/bench/FloorApp.java
#   dpkg -i installers/target/installer/outpost_*.deb
#   bash installers/src/bench/measure.sh [RUNS]
# Measures, under its own Xvfb and with a throwaway HOME:
#   - time to the first shown window (from just before exec to the app's own first-frame report, see
#     StartupProbe), alternating runs of: the floor (one label, same runtime and launcher, its own AOT cache
#     archive), Outpost as installed (AOT cache), Outpost without its AOT cache (the JDK's base archive only),
#     Outpost with no class-data sharing at all, and Outpost with the Serial collector;
#   - the idle window's resident memory and CPU over 30 s, 15 s after the first window, Outpost and the floor;
#   - `outpost status --json` against `docker ps`, when a container engine answers.
# Prints a Markdown table and writes it to installers/target/bench/startup.md. It asserts nothing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
runs="${1:-7}"
installed=/opt/outpost/bin/Outpost
floor="$PWD/installers/target/jpackage/floor/OutpostFloor/bin/OutpostFloor"
[[ -x "$installed" ]] || { echo "install the .deb first (see the header of $0)" >&2; exit 1; }
[[ -x "$floor" ]] || { echo "build the floor app first: -Dinstaller.floorSource=... (see the header of $0)" >&2; exit 1; }

work=$(mktemp -d /tmp/outpost-bench.XXXXXX)
xvfb_pid=""
app_pid=""
cleanup() {
  [[ -n "$app_pid" ]] && kill "$app_pid" 2>/dev/null || true
  [[ -n "$xvfb_pid" ]] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
export HOME="$work/home"
mkdir -p "$HOME"
unset OUTPOST_HOME XDG_CONFIG_HOME XDG_DATA_HOME XDG_STATE_HOME XDG_CACHE_HOME
# The JVM takes its home from the password database, not $HOME: tell it (the launcher reads JAVA_TOOL_OPTIONS).
home_opt="-Duser.home=$HOME"
export JAVA_TOOL_OPTIONS="$home_opt"

# The installed tree, hard-linked, with the launcher's AOT cache line taken out: "without the cache".
cp -al /opt/outpost "$work/outpost-nocds"
sed -i '/AOTCache/d' "$work/outpost-nocds/lib/app/Outpost.cfg"
display=""
for n in $(seq 90 120); do [[ -e /tmp/.X11-unix/X$n || -e /tmp/.X$n-lock ]] || { display=":$n"; break; }; done
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
for _ in $(seq 1 50); do [[ -e /tmp/.X11-unix/X${display#:} ]] && break; sleep 0.1; done
export DISPLAY="$display"

# first_window LAUNCHER [EXTRA_JAVA_TOOL_OPTIONS]: prints ms from exec to the first frame.
first_window() {
  local err="$work/err" start end
  start=$(date +%s%3N)
  JAVA_TOOL_OPTIONS="$home_opt -Doutpost.startup=report ${2:-}" "$1" >/dev/null 2>"$err" &
  app_pid=$!
  for _ in $(seq 1 1200); do grep -q 'outpost-first-window' "$err" && break; sleep 0.05; done
  end=$(sed -n 's/^outpost-first-window epoch-ms=//p' "$err")
  kill "$app_pid" 2>/dev/null; wait "$app_pid" 2>/dev/null || true; app_pid=""
  [[ -n "$end" ]] || { echo "no window from $1: $(tail -5 "$err")" >&2; exit 1; }
  echo $(( end - start ))
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }

declare -A times
labels=(floor outpost outpost_nocds outpost_noshare outpost_heap)
# One warm-up round (page cache), then alternating runs so all variants see the same machine load.
first_window "$floor" >/dev/null; first_window "$installed" >/dev/null
for ((i = 1; i <= runs; i++)); do
  times[floor]+="$(first_window "$floor") "
  times[outpost]+="$(first_window "$installed") "
  times[outpost_nocds]+="$(first_window "$work/outpost-nocds/bin/Outpost") "
  times[outpost_noshare]+="$(first_window "$work/outpost-nocds/bin/Outpost" -Xshare:off) "
  times[outpost_heap]+="$(first_window "$installed" -XX:+UseSerialGC) "
done
declare -A med
for l in "${labels[@]}"; do med[$l]=$(echo "${times[$l]}" | tr ' ' '\n' | grep . | median); done

# idle LAUNCHER: RSS (MB) and CPU (%) of the idle window over 30 s, starting 15 s after it showed.
idle() {
  JAVA_TOOL_OPTIONS="$home_opt -Doutpost.startup=report" "$1" >/dev/null 2>"$work/idle.err" &
  app_pid=$!
  for _ in $(seq 1 1200); do grep -q 'outpost-first-window' "$work/idle.err" && break; sleep 0.05; done
  sleep 15
  local hz t0 t1
  hz=$(getconf CLK_TCK)
  t0=$(awk '{print $14 + $15}' "/proc/$app_pid/stat")
  sleep 30
  t1=$(awk '{print $14 + $15}' "/proc/$app_pid/stat")
  local rss
  rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$app_pid/status")
  kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""
  awk -v r="$rss" -v d="$((t1 - t0))" -v hz="$hz" 'BEGIN {printf "%.0f %.2f\n", r / 1024, d / hz / 30 * 100}'
}
read -r rss_outpost cpu_outpost < <(idle "$installed")
read -r rss_floor cpu_floor < <(idle "$floor")

# outpost status --json against docker ps (whatever engine answers: DOCKER_HOST or the default socket).
status_row="| \`outpost status --json\` vs \`docker ps\` | no container engine answered; not measured | | |"
if command -v docker >/dev/null && docker ps >/dev/null 2>&1; then
  ms() { local s; s=$(date +%s%3N); "$@" >/dev/null 2>&1 || true; echo $(( $(date +%s%3N) - s )); }
  ms outpost status --json >/dev/null; ms docker ps >/dev/null
  st="" dp=""
  for ((i = 1; i <= runs; i++)); do st+="$(ms /usr/bin/outpost status --json) "; dp+="$(ms docker ps) "; done
  st_med=$(echo "$st" | tr ' ' '\n' | grep . | median); dp_med=$(echo "$dp" | tr ' ' '\n' | grep . | median)
  status_row="| \`outpost status --json\` (installed) vs \`docker ps\` | ${st_med} ms | ${dp_med} ms | $(awk -v a="$st_med" -v b="$dp_med" 'BEGIN {printf "%.2f×", a / b}') |"
fi

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f×", a / b}'; }
mkdir -p installers/target/bench
{
  echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); median of $runs runs, Xvfb $display."
  echo
  echo "| what | Outpost | floor (one label) | Outpost / floor |"
  echo "|---|---|---|---|"
  echo "| first window, installed (AOT cache) | ${med[outpost]} ms | ${med[floor]} ms | $(ratio "${med[outpost]}" "${med[floor]}") |"
  echo "| first window without Outpost's AOT cache (JDK base archive only) | ${med[outpost_nocds]} ms | | $(ratio "${med[outpost_nocds]}" "${med[floor]}") |"
  echo "| first window with no class-data sharing (-Xshare:off) | ${med[outpost_noshare]} ms | | $(ratio "${med[outpost_noshare]}" "${med[floor]}") |"
  echo "| first window with the Serial collector instead of G1 | ${med[outpost_heap]} ms | | $(ratio "${med[outpost_heap]}" "${med[floor]}") |"
  echo "| idle window: resident memory (VmRSS) | ${rss_outpost} MB | ${rss_floor} MB | |"
  echo "| idle window: CPU over 30 s | ${cpu_outpost} % | ${cpu_floor} % | |"
  echo "$status_row"
  echo
  echo "Raw first-window times (ms): floor: ${times[floor]}; Outpost: ${times[outpost]}; without the AOT cache: ${times[outpost_nocds]}; -Xshare:off: ${times[outpost_noshare]}; Serial GC: ${times[outpost_heap]}"
} | tee installers/target/bench/startup.md
