#!/usr/bin/env bash
# The built qwenvl-desk, started as a person starts it: on an X display (Xvfb), with a HOME
# that already has a history and the test command's keyring (its private D-Bus session). It
# must show its window, do its start-up work (open the history, finish a deletion the last run
# could not, clear the image store of originals nothing names) and quit cleanly on Ctrl+Q.
#   tests/checks/gui-starts.sh BUILD/bin/qwenvl-desk
set -euo pipefail
app=$1
for tool in Xvfb xdotool python3; do
    command -v "$tool" >/dev/null || { echo "gui-starts: $tool is missing" >&2; exit 1; }
done
work=$(mktemp -d)
xvfb=""
cleanup() {
    [[ -n $xvfb ]] && kill "$xvfb" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
export HOME=$work/home XDG_CONFIG_HOME=$work/home/.config XDG_DATA_HOME=$work/home/.local/share
export XDG_CACHE_HOME=$work/home/.cache XDG_RUNTIME_DIR=$work/run
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
unset QT_QPA_PLATFORM # a real X11 window
# A key from the environment: no first-run dialog in the way.
export DASHSCOPE_API_KEY=sk-gui-starts-0123456789

Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$work/display" 2>"$work/xvfb.log" &
xvfb=$!
for _ in $(seq 100); do [[ -s $work/display ]] && break; sleep 0.1; done
export DISPLAY=:$(cat "$work/display")

# Runs the app until its window shows, then quits it with Ctrl+Q and checks the exit.
run_once() {
    "$app" >"$work/app.log" 2>&1 &
    local pid=$!
    local window
    window=$(timeout 60 xdotool search --sync --onlyvisible --name '^QwenVL Desk$' | head -n 1) || {
        echo "gui-starts: no window within 60 s" >&2; cat "$work/app.log" >&2; kill "$pid"; return 1; }
    xdotool windowfocus --sync "$window"
    xdotool key --clearmodifiers ctrl+q
    local status=0
    timeout 60 tail --pid="$pid" -f /dev/null || { echo "gui-starts: Ctrl+Q did not quit" >&2; kill -9 "$pid"; return 1; }
    wait "$pid" || status=$?
    if ((status != 0)); then
        echo "gui-starts: exited with $status" >&2; cat "$work/app.log" >&2; return 1
    fi
}

data=$XDG_DATA_HOME/qwenvl-desk
run_once
[[ -f $data/history.sqlite ]] || { echo "gui-starts: no history was created" >&2; exit 1; }

# What a killed run leaves: a conversation deleted within its undo time, and an original that
# no message names (written just before a crash).
orphan=$(printf 'ab%062d' 0)
mkdir -p "$data/images/ab"
printf 'not referenced' >"$data/images/ab/$orphan"
touch -d '2 days ago' "$data/images/ab/$orphan"
python3 - "$data/history.sqlite" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("INSERT INTO conversations (id, title, created_at, updated_at, deleted_at)"
           " VALUES ('left-over', 'deleted before a crash', 1, 1, 2)")
db.commit()
PY

run_once
left=$(python3 - "$data/history.sqlite" <<'PY'
import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute(
    "SELECT count(*) FROM conversations WHERE id = 'left-over'").fetchone()[0])
PY
)
[[ $left == 0 ]] || { echo "gui-starts: the leftover deletion was not finished at start" >&2; exit 1; }
[[ ! -e $data/images/ab/$orphan ]] || { echo "gui-starts: the unreferenced original is still there" >&2; exit 1; }
echo "gui-starts: window shown, start-up work done, quit cleanly (twice)"
