#!/usr/bin/env bash
# The installer stage of CI (.ci/run calls it after the tests; it also runs on its own, as root):
# builds the .deb (unless OUTPOST_DEB names one), installs it with dpkg -i, checks the installed CLI
# (outpost --version, outpost doctor --json, the AOT cache in use), opens the installed window under Xvfb
# and takes a screenshot of it, installs the same package again as an upgrade and checks that settings
# survived, removes it and checks that user data is still there.
# Everything it starts (Xvfb, the app) and installs (the package) it stops and removes again; the checks run
# with a throwaway HOME, so the user's own Outpost files are never touched.
# Output: installers/target/installer-check/ (the screenshot, the CLI outputs, the log).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$PWD

log() { printf '[installer-check] %s\n' "$*" >&2; }
fail() { log "FAILED: $*"; exit 1; }
as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

apt_updated=""
apt_install() {
  if [[ -z "$apt_updated" ]]; then as_root apt-get update -q >&2; apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >&2
}

out="$root/installers/target/installer-check"
rm -rf "$out"
mkdir -p "$out"
work=$(mktemp -d /tmp/outpost-installer-check.XXXXXX)

# --- cleanup: only what this script started or installed ------------------------------------------
xvfb_pid=""
app_pid=""
installed_by_us=""
cleanup() {
  local rc=$?
  [[ -n "$app_pid" ]] && kill "$app_pid" 2>/dev/null || true
  if [[ -n "$xvfb_pid" ]]; then
    log "stopping the Xvfb this run started (pid $xvfb_pid)"
    kill "$xvfb_pid" 2>/dev/null || true
  fi
  if [[ -n "$installed_by_us" ]] && dpkg-query -W -f='${Status}' outpost 2>/dev/null | grep -q 'installed\|config-files'; then
    log "purging the outpost package this run installed"
    as_root dpkg -P outpost >&2 || true
  fi
  rm -rf "$work"
  exit $rc
}
trap cleanup EXIT

# --- tools -----------------------------------------------------------------------------------------
command -v Xvfb >/dev/null || { log "installing xvfb"; apt_install xvfb xauth; }
command -v import >/dev/null || { log "installing imagemagick"; apt_install imagemagick; }
command -v python3 >/dev/null || { log "installing python3"; apt_install python3; }

if dpkg-query -W -f='${Status}' outpost 2>/dev/null | grep -q 'ok installed'; then
  fail "an outpost package is already installed here; remove it first (this check installs and removes its own)"
fi

# --- build -----------------------------------------------------------------------------------------
deb="${OUTPOST_DEB:-}"
if [[ -z "$deb" ]]; then
  log "building the .deb: mvn -B -Pinstaller -pl installers -am package -DskipTests -DskipITs -Dinstaller.type=deb"
  start=$(date +%s)
  mvn -B -q -Pinstaller -pl installers -am package -DskipTests -DskipITs -Dinstaller.type=deb >&2
  log "built in $(( $(date +%s) - start )) s"
  deb=$(ls "$root"/installers/target/installer/outpost_*.deb)
fi
[[ -f "$deb" ]] || fail "no .deb at $deb"
size=$(stat -c %s "$deb")
log "package: $deb ($(( size / 1000000 )) MB)"
(( size < 120000000 )) || fail "the package is $size bytes; the limit is 120 MB"

# The package's dependencies (GTK and the X libraries) from the distribution, then dpkg -i as the issue says.
deps=$(dpkg-deb -f "$deb" Depends | tr ',' '\n' | sed -e 's/([^)]*)//g' -e 's/|.*//' -e 's/ //g' | sort -u | tr '\n' ' ')
missing=""
for d in $deps; do dpkg-query -W -f='${Status}' "$d" 2>/dev/null | grep -q 'ok installed' || missing="$missing $d"; done
if [[ -n "$missing" ]]; then log "installing the package's dependencies:$missing"; apt_install $missing; fi

# --- a throwaway user ------------------------------------------------------------------------------
export HOME="$work/home"
mkdir -p "$HOME"
unset OUTPOST_HOME XDG_CONFIG_HOME XDG_DATA_HOME XDG_STATE_HOME XDG_CACHE_HOME
# The JVM takes its home from the password database, not $HOME: tell it (the launcher reads JAVA_TOOL_OPTIONS).
home_opt="-Duser.home=$HOME"
export JAVA_TOOL_OPTIONS="$home_opt"
config="$HOME/.config/outpost"
data="$HOME/.local/share/outpost"

# --- install ---------------------------------------------------------------------------------------
log "dpkg -i $(basename "$deb")"
installed_by_us=1
as_root dpkg -i "$deb" >&2
[[ -x /opt/outpost/bin/Outpost ]] || fail "/opt/outpost/bin/Outpost is missing"
[[ "$(readlink /usr/bin/outpost)" == /opt/outpost/bin/Outpost ]] || fail "/usr/bin/outpost does not point to the launcher"
[[ -f /usr/share/applications/outpost.desktop ]] || fail "no menu entry in /usr/share/applications"
[[ -f /usr/share/mime/packages/outpost.xml ]] || fail "no MIME type for *.outpost.yaml"
grep -q '^MimeType=application/x-outpost-profile;' /usr/share/applications/outpost.desktop || fail "the menu entry has no file association"

# --- the CLI ---------------------------------------------------------------------------------------
hash -r
version=$(outpost --version 2>"$out/version.stderr") || fail "outpost --version failed: $(cat "$out/version.stderr")"
echo "$version" > "$out/version.txt"
[[ "$version" =~ ^outpost\ [0-9]+\.[0-9]+ ]] || fail "unexpected version output: $version"
grep -v '^Picked up JAVA_TOOL_OPTIONS' "$out/version.stderr" | grep -qi 'cds\|aot\|shared archive' && fail "the JVM complained about the AOT cache: $(cat "$out/version.stderr")"
log "outpost --version: $version"

# -XX:AOTMode=on makes the JVM fail instead of silently starting without the AOT cache the launcher names
# (JDK 25: a cache made for other jars, timestamps or JVM options is refused).
grep -q 'AOTCache=$APPDIR/outpost.aot' /opt/outpost/lib/app/Outpost.cfg || fail "the launcher does not name the AOT cache"
JAVA_TOOL_OPTIONS="$home_opt -XX:AOTMode=on" outpost --version >"$out/aot.log" 2>&1 \
  || fail "the launcher does not start with its AOT cache required (-XX:AOTMode=on): $(tail -5 "$out/aot.log")"
log "the AOT cache /opt/outpost/lib/app/outpost.aot is valid and used (-XX:AOTMode=on starts)"

set +e
outpost doctor --json >"$out/doctor.json" 2>"$out/doctor.stderr"
doctor_rc=$?
set -e
# 0: ready, 1: something missing for the chosen runtime; both are answers. Anything else is a crash.
[[ $doctor_rc -le 1 ]] || fail "outpost doctor --json exited $doctor_rc: $(tail -5 "$out/doctor.stderr")"
python3 - "$out/doctor.json" <<'EOF' || fail "outpost doctor --json did not print a report"
import json, sys
report = json.load(open(sys.argv[1]))
ids = [c["id"] for c in report["checks"]]
assert report["runtime"] == "docker", report["runtime"]
assert "engine" in ids, ids
print("[installer-check] doctor --json: %d checks (%s)" % (len(ids), ", ".join(ids)), file=sys.stderr)
EOF

# The usage store: SQLite's native library for this platform must be in the (trimmed) driver jar.
outpost cost --json >"$out/cost.json" 2>"$out/cost.stderr" || fail "outpost cost --json failed: $(tail -5 "$out/cost.stderr")"
python3 - "$out/cost.json" <<'EOF' || fail "outpost cost --json did not print a report"
import json, sys
report = json.load(open(sys.argv[1]))
assert "total" in report and "gridIntensity" in report, report.keys()
print("[installer-check] cost --json: grid %s g/kWh (%s)" % (report["gridIntensity"]["gramsPerKwh"],
      report["gridIntensity"]["origin"]), file=sys.stderr)
EOF

# --- the window under Xvfb -------------------------------------------------------------------------
display=""
for n in $(seq 90 120); do
  [[ -e /tmp/.X11-unix/X$n || -e /tmp/.X$n-lock ]] || { display=":$n"; break; }
done
[[ -n "$display" ]] || fail "no free X display number between :90 and :120"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >"$out/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 1 50); do [[ -e /tmp/.X11-unix/X${display#:} ]] && break; sleep 0.1; done
kill -0 "$xvfb_pid" 2>/dev/null || fail "Xvfb did not start: $(cat "$out/xvfb.log")"

DISPLAY="$display" JAVA_TOOL_OPTIONS="$home_opt -Doutpost.startup=report" outpost >"$out/window.stdout" 2>"$out/window.stderr" &
app_pid=$!
for _ in $(seq 1 600); do
  grep -q 'outpost-first-window' "$out/window.stderr" && break
  kill -0 "$app_pid" 2>/dev/null || fail "the window process exited: $(tail -20 "$out/window.stderr")"
  sleep 0.1
done
grep -q 'outpost-first-window' "$out/window.stderr" || fail "no window within 60 s: $(tail -20 "$out/window.stderr")"
sleep 3 # let the status bar's first checks come in, as a user would see it
DISPLAY="$display" import -window root "$out/first-window.png"
kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""
# A black or blank screen has (nearly) no variation; the window has text, a sidebar and a status bar.
read -r mean sd < <(convert "$out/first-window.png" -colorspace Gray -format '%[fx:mean] %[fx:standard_deviation]\n' info:)
log "screenshot $out/first-window.png: mean $mean, standard deviation $sd"
python3 -c "import sys; m, s = float(sys.argv[1]), float(sys.argv[2]); sys.exit(0 if 0.02 < m < 0.98 and s > 0.05 else 1)" "$mean" "$sd" \
  || fail "the screenshot looks empty (mean $mean, standard deviation $sd)"

# --- settings and data, then the upgrade ------------------------------------------------------------
# settings.json written as a user's edit in Settings would leave it; inference.json through the installed CLI.
mkdir -p "$config" "$data"
cat >"$config/settings.json" <<'EOF'
{
  "schemaVersion" : 1,
  "defaultRuntime" : "kind",
  "theme" : "dark",
  "registryMirror" : "mirror.installer-check.test:5000"
}
EOF
outpost inference use local --json >"$out/inference-use.json" 2>"$out/inference-use.stderr" \
  || fail "outpost inference use failed: $(tail -5 "$out/inference-use.stderr")"
placement=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["placement"])' "$config/inference.json")
echo "kept across the upgrade" >"$data/installer-check.marker"
cp "$config/settings.json" "$work/settings.before"

log "upgrade: dpkg -i the same package again"
as_root dpkg -i "$deb" >&2
dpkg-query -W -f='${Status}' outpost | grep -q 'ok installed' || fail "the package is not installed after the upgrade"
cmp -s "$config/settings.json" "$work/settings.before" || fail "settings.json changed during the upgrade"
outpost doctor --json >"$out/doctor-after-upgrade.json" 2>/dev/null || true
python3 - "$out/doctor-after-upgrade.json" "$config/inference.json" "$placement" <<'EOF' || fail "the upgraded Outpost does not see the settings"
import json, sys
report = json.load(open(sys.argv[1]))
assert report["runtime"] == "kind", "doctor checks for %s, settings say kind" % report["runtime"]
assert json.load(open(sys.argv[2]))["placement"] == sys.argv[3]
print("[installer-check] after the upgrade: settings.json unchanged, doctor uses runtime kind, inference placement %s" % sys.argv[3], file=sys.stderr)
EOF
[[ -L /usr/bin/outpost && -e /usr/bin/outpost ]] || fail "the upgrade lost /usr/bin/outpost"

# --- uninstall -------------------------------------------------------------------------------------
log "dpkg -r outpost"
as_root dpkg -r outpost >&2
[[ ! -e /opt/outpost ]] || fail "/opt/outpost is still there after removal"
for f in /usr/bin/outpost /usr/share/applications/outpost.desktop /usr/share/mime/packages/outpost.xml \
         /usr/share/icons/hicolor/256x256/apps/outpost.png; do
  [[ ! -L "$f" && ! -e "$f" ]] || fail "$f is still there after removal"
done
cmp -s "$config/settings.json" "$work/settings.before" || fail "settings.json did not survive the removal"
[[ -f "$config/inference.json" && -f "$data/installer-check.marker" ]] || fail "user data did not survive the removal"
log "removed: /opt/outpost and the links are gone; ~/.config/outpost and ~/.local/share/outpost are kept"
# Purge (apt purge) forgets the package entirely; it too leaves users' files alone.
as_root dpkg -P outpost >&2
installed_by_us=""
dpkg-query -W -f='${Status}' outpost 2>/dev/null | grep -q 'config-files\|installed' && fail "the package is still known to dpkg after purge"
cmp -s "$config/settings.json" "$work/settings.before" && [[ -f "$data/installer-check.marker" ]] || fail "user data did not survive the purge"
log "purged: dpkg no longer knows outpost; the user's files are still there"
log "OK"
