#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with its own unlocked gnome-keyring (Secret
# Service), so keychain tests use the real thing without touching the user's keyring. Both are
# stopped when the command ends; its exit code is returned.
set -euo pipefail

if [[ ${1:-} != --inside ]]; then
    exec dbus-run-session -- "$0" --inside "$@"
fi
shift

keyring_home=$(mktemp -d "${TMPDIR:-/tmp}/qvd-keyring-XXXXXX")
daemon_pid=
cleanup() {
    [[ -n $daemon_pid ]] && kill "$daemon_pid" 2>/dev/null && wait "$daemon_pid" 2>/dev/null
    rm -rf "$keyring_home"
}
trap cleanup EXIT

mkdir -p "$keyring_home/data" "$keyring_home/runtime"
chmod 700 "$keyring_home/runtime"
# An empty password unlocks (and creates) the login keyring; it only guards this temp dir.
printf '\n' | HOME=$keyring_home XDG_DATA_HOME=$keyring_home/data \
    XDG_RUNTIME_DIR=$keyring_home/runtime \
    gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null 2>&1 &
daemon_pid=$!

# Wait (bounded) until the daemon owns the Secret Service name on this bus.
for _ in $(seq 1 100); do
    if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null |
        grep -q "boolean true"; then
        break
    fi
    if ! kill -0 "$daemon_pid" 2>/dev/null; then
        echo "gnome-keyring-daemon exited early" >&2
        exit 1
    fi
    sleep 0.1
done

export QVD_REQUIRE_KEYRING=1
status=0
"$@" || status=$?
exit $status
