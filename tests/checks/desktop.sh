# Sourced by the black-box checks of the built app (gui-starts.sh, kill-mid-answer.sh): a fresh
# HOME, an Xvfb display, and helpers to start the app, wait for its window and quit it.
# Call desktop_setup first; everything is removed on exit.

desktop_setup() {
    for tool in Xvfb xdotool python3; do
        command -v "$tool" >/dev/null || { echo "$0: $tool is missing" >&2; exit 1; }
    done
    work=$(mktemp -d)
    xvfb=""
    trap desktop_cleanup EXIT
    export HOME=$work/home XDG_CONFIG_HOME=$work/home/.config
    export XDG_DATA_HOME=$work/home/.local/share XDG_CACHE_HOME=$work/home/.cache
    export XDG_RUNTIME_DIR=$work/run
    mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
    chmod 700 "$XDG_RUNTIME_DIR"
    unset QT_QPA_PLATFORM # a real X11 window
    # Under the sanitizers: libxkbcommon-x11 (Debian 12) hands strndup a keymap name that is not
    # NUL-terminated within its bound, which strict_string_checks reports as an overflow inside
    # the system library at every X11 start. Checked everywhere else, not here.
    if [[ -n ${ASAN_OPTIONS:-} ]]; then
        export ASAN_OPTIONS="$ASAN_OPTIONS:strict_string_checks=0"
    fi
    Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$work/display" 2>"$work/xvfb.log" &
    xvfb=$!
    for _ in $(seq 100); do [[ -s $work/display ]] && break; sleep 0.1; done
    export DISPLAY=:$(cat "$work/display")
    data=$XDG_DATA_HOME/qwenvl-desk
}

desktop_cleanup() {
    [[ -n ${app_pid:-} ]] && kill -9 "$app_pid" 2>/dev/null
    [[ -n ${xvfb:-} ]] && kill "$xvfb" 2>/dev/null
    [[ -n ${extra_pids:-} ]] && kill $extra_pids 2>/dev/null
    rm -rf "$work"
}

# Starts the app with "$@" as its arguments and waits (up to 60 s) for its main window, whose
# id goes into $window and process id into $app_pid.
app_start() {
    "$app" "$@" >"$work/app.log" 2>&1 &
    app_pid=$!
    window=$(timeout 60 xdotool search --sync --onlyvisible --name '^QwenVL Desk$' | head -n 1) || {
        echo "$0: no window within 60 s" >&2; cat "$work/app.log" >&2; return 1; }
    xdotool windowfocus --sync "$window"
}

# Quits the app with Ctrl+Q and checks it ends with status 0 within 60 s.
app_quit() {
    xdotool windowfocus --sync "$window"
    xdotool key --clearmodifiers ctrl+q
    timeout 60 tail --pid="$app_pid" -f /dev/null || {
        echo "$0: Ctrl+Q did not quit" >&2; kill -9 "$app_pid"; return 1; }
    local status=0
    wait "$app_pid" || status=$?
    app_pid=""
    if ((status != 0)); then
        echo "$0: the app exited with $status" >&2; cat "$work/app.log" >&2; return 1
    fi
}

# Writes a small RGB PNG (gradient) of WIDTH x HEIGHT to PATH.
write_png() {
    python3 - "$1" "$2" "$3" <<'PY'
import struct, sys, zlib
path, w, h = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
raw = b"".join(b"\x00" + bytes(v for x in range(w) for v in (x * 4 % 256, y * 5 % 256, 120))
               for y in range(h))
def chunk(kind, body):
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
open(path, "wb").write(b"\x89PNG\r\n\x1a\n"
                       + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                       + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
PY
}

# Runs a Python snippet against the history database; prints what it prints.
history_query() {
    python3 - "$data/history.sqlite" "$@"
}
