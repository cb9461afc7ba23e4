#!/usr/bin/env bash
# kill -9 of the real app while an answer streams loses nothing but the last moment: at several
# points of a slow stream the app is killed, started again, and the history holds the question,
# its image (row and original file) and the answer's text up to about the last second, marked
# interrupted.
#   tests/checks/kill-mid-answer.sh BUILD/bin/qwenvl-desk
set -euo pipefail
app=$1
here=$(dirname "${BASH_SOURCE[0]}")
# shellcheck source=tests/checks/desktop.sh
source "$here/desktop.sh"
desktop_setup

python3 "$here/../support/slow-dashscope.py" "$work/port" "$work/progress" 200 0.1 &
extra_pids=$!
for _ in $(seq 100); do [[ -s $work/port ]] && break; sleep 0.1; done
export DASHSCOPE_HTTP_BASE_URL=http://127.0.0.1:$(cat "$work/port")/api/v1
export DASHSCOPE_API_KEY=sk-kill-test-0123456789
photo=$work/photo.png
write_png "$photo" 64 48

# The question goes out once its image is ready: Enter is pressed until the server has it.
ask() {
    rm -f "$work/progress"
    xdotool key --clearmodifiers ctrl+l
    xdotool type --delay 10 "$1"
    for _ in $(seq 120); do
        xdotool key --clearmodifiers Return
        [[ -s $work/progress ]] && return 0
        sleep 0.5
    done
    echo "kill-mid-answer: the question never reached the server" >&2
    return 1
}

for point in 20 45; do
    question="Question killed after $point words"
    app_start "$photo"
    ask "$question"
    sent=0
    until ((sent >= point)); do
        sleep 0.05
        sent=$(cat "$work/progress" 2>/dev/null || true)
        sent=${sent:-0}
    done
    kill -9 "$app_pid"
    wait "$app_pid" 2>/dev/null || true
    app_pid=""

    # The next start (which reopens the conversation) and a clean quit; then the file.
    app_start
    app_quit
    history_query "$question" "$point" "$data/images" <<'PY'
import os, sqlite3, sys
question, point, images = sys.argv[2], int(sys.argv[3]), sys.argv[4]
db = sqlite3.connect(sys.argv[1])
asked = db.execute(
    "SELECT conversation_id, position FROM messages WHERE role = 'user' AND id IN"
    " (SELECT message_id FROM parts WHERE kind = 'text' AND text = ?)", (question,)).fetchone()
assert asked, f"the question {question!r} is not in the history"
# The question, and its answer right after it (the last messages of the conversation).
rows = db.execute("SELECT id, role, text, state FROM messages WHERE conversation_id = ?"
                  " AND position >= ? ORDER BY position", asked).fetchall()
assert [r[1] for r in rows] == ["user", "assistant"], rows
sha = db.execute("SELECT image_sha256 FROM parts WHERE message_id = ? AND kind = 'image'",
                 (rows[0][0],)).fetchone()
assert sha and sha[0], "the question's image is not in the history"
assert os.path.exists(os.path.join(images, sha[0][:2], sha[0])), "the original file is missing"
answer, state = rows[1][2], rows[1][3]
assert state == "interrupted", f"the answer is {state}"
expected = "".join(f"w{i:03d} " for i in range(point))
assert expected.startswith(answer), f"not what was streamed: {answer!r}"
# At most about a second (ten words here) is lost; allow scheduling on a loaded machine.
assert len(answer) >= len(expected) - 5 * 25, f"{len(answer)} of {len(expected)} characters"
print(f"kill after {point} words: question, image and {len(answer) // 5} words kept")
PY
done
