#!/usr/bin/env bash
# The built qwenvl-desk, started as a person starts it: on an X display (Xvfb), with a HOME
# that already has a history and the test command's keyring (its private D-Bus session). It
# must show its window, do its start-up work (open the history, finish a deletion the last run
# could not, clear the image store of originals nothing names) and quit cleanly on Ctrl+Q.
#   tests/checks/gui-starts.sh BUILD/bin/qwenvl-desk
set -euo pipefail
app=$1
# shellcheck source=tests/checks/desktop.sh
source "$(dirname "${BASH_SOURCE[0]}")/desktop.sh"
desktop_setup
# A key from the environment: no first-run dialog in the way.
export DASHSCOPE_API_KEY=sk-gui-starts-0123456789

run_once() {
    app_start
    app_quit
}

app_start
# "Open with" while it runs: the launch hands its photo to the running window and ends; no
# second window starts on the same history.
write_png "$work/dot.png" 32 24
timeout 20 "$app" "$work/dot.png" || { echo "gui-starts: a second launch did not hand over" >&2; exit 1; }
windows=$(xdotool search --onlyvisible --name '^QwenVL Desk$' | wc -l)
((windows == 1)) || { echo "gui-starts: $windows windows after a second launch" >&2; exit 1; }
app_quit
[[ -f $data/history.sqlite ]] || { echo "gui-starts: no history was created" >&2; exit 1; }

# What a killed run leaves: a conversation deleted within its undo time, and an original that
# no message names (written just before a crash).
orphan=$(printf 'ab%062d' 0)
mkdir -p "$data/images/ab"
printf 'not referenced' >"$data/images/ab/$orphan"
touch -d '2 days ago' "$data/images/ab/$orphan"
history_query <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("INSERT INTO conversations (id, title, created_at, updated_at, deleted_at)"
           " VALUES ('left-over', 'deleted before a crash', 1, 1, 2)")
db.commit()
PY

run_once
left=$(history_query <<'PY'
import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute(
    "SELECT count(*) FROM conversations WHERE id = 'left-over'").fetchone()[0])
PY
)
[[ $left == 0 ]] || { echo "gui-starts: the leftover deletion was not finished at start" >&2; exit 1; }
[[ ! -e $data/images/ab/$orphan ]] || { echo "gui-starts: the unreferenced original is still there" >&2; exit 1; }
echo "gui-starts: window shown, second launch handed over, start-up work done, quit cleanly"
