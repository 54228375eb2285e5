#!/usr/bin/env bash
# CI, after the tests: build the bundle and the .deb, install the .deb on this machine, check
# the installed zvdesk, then remove it and check that user data survived.
#
#   bash packaging/ci-package.sh        (needs root or sudo; Debian/Ubuntu)
#
# Checks, each failing with the reason on stderr and a non-zero exit:
#   1. packaging/build.sh builds dist/zvdesk and dist/zvdesk_<version>_<arch>.deb
#   2. dpkg -i installs it (apt-get install -f fetches missing Depends)
#   3. every shared library of /opt/zvdesk resolves (nothing "not found" by ldd)
#   4. /usr/bin/zvdesk --version prints the version of zvdesk/__init__.py
#   5. a command-line round trip from the installed package: `zvdesk sandbox --empty`, then
#      `zvdesk send` (SMS and MMS), `zvdesk logs`, `zvdesk media` against it
#   6. `zvdesk --self-test` (offscreen), when `zvdesk --help` lists it
#   7. dpkg -r removes /opt/zvdesk and /usr/bin/zvdesk and leaves the user's files alone
# ZVDESK_KEEP_INSTALLED=1 skips step 7.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "ci-package: FAILED: $*" >&2; exit 1; }
say() { echo "ci-package: $*"; }

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive

work=$(mktemp -d)
sandbox_pid=""
cleanup() {
    if [ -n "$sandbox_pid" ]; then kill "$sandbox_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

# 1. build
bash packaging/build.sh || fail "packaging/build.sh failed"
version=$(PYTHONPATH=packaging "${PYTHON:-.venv/bin/python}" -c \
    'import bundle_config; print(bundle_config.read_version())')
deb=$(ls dist/zvdesk_*.deb 2>/dev/null | head -n 1)
[ -n "$deb" ] || fail "no dist/zvdesk_*.deb after the build"

# 2. install
say "installing $deb"
if ! $SUDO dpkg -i "$deb"; then
    say "dpkg -i left dependencies missing: apt-get install -f"
    $SUDO apt-get update -qq || true
    $SUDO apt-get install -f -y -qq || fail "apt-get install -f could not install the Depends"
fi
status=$(dpkg-query -W -f='${Status} ${Version}' zvdesk 2>/dev/null || true)
[ "$status" = "install ok installed $version" ] || fail "zvdesk not installed: '$status'"
[ -x /usr/bin/zvdesk ] || fail "/usr/bin/zvdesk missing after installation"

# 3. shared libraries
missing=$(find /opt/zvdesk -type f \( -name '*.so*' -o -path /opt/zvdesk/zvdesk \) \
    -exec ldd {} + 2>/dev/null | grep 'not found' | sort -u || true)
[ -z "$missing" ] || fail "libraries not found (add their packages to Depends): $missing"

# 4. version
got=$(/usr/bin/zvdesk --version) || fail "zvdesk --version exited $?"
[ "$got" = "zvdesk $version" ] || fail "zvdesk --version printed '$got', expected 'zvdesk $version'"
say "$got"

# The checks run as the user would, with a throw-away home holding some "agent data".
unset XDG_CONFIG_HOME XDG_DATA_HOME XDG_CACHE_HOME XDG_STATE_HOME
export HOME="$work/home"
mkdir -p "$HOME/.local/share/zvdesk" "$HOME/.config/zvdesk"
echo "an agent's data" > "$HOME/.local/share/zvdesk/keep-me"
export QT_QPA_PLATFORM=offscreen

# 5. command-line round trip against the installed sandbox
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
/usr/bin/zvdesk sandbox --empty --port "$port" --token ci-token >"$work/sandbox.log" 2>&1 &
sandbox_pid=$!
for _ in $(seq 1 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
    kill -0 "$sandbox_pid" 2>/dev/null || fail "zvdesk sandbox exited: $(cat "$work/sandbox.log")"
    sleep 0.1
done
(exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || fail "zvdesk sandbox did not listen on $port"
export ZVDESK_API_BASE="http://127.0.0.1:$port" ZVDESK_TOKEN=ci-token
/usr/bin/zvdesk send --to +14155550123 --message "ci-package sms" --json >"$work/sms.json" \
    || fail "zvdesk send (SMS) exited $?: $(cat "$work/sms.json")"
/usr/bin/zvdesk send --to +14155550123 --message "ci-package mms" --json \
    --media /usr/share/icons/hicolor/48x48/apps/zvdesk.png >"$work/mms.json" \
    || fail "zvdesk send (MMS) exited $?"
/usr/bin/zvdesk logs --json >"$work/logs.json" || fail "zvdesk logs exited $?"
grep -q '"ci-package sms"' "$work/logs.json" || fail "the SMS is not in zvdesk logs"
grep -q '"ci-package mms"' "$work/logs.json" || fail "the MMS is not in zvdesk logs"
mms_id=$(grep -o '"mmsId": *"[^"]*"' "$work/mms.json" | head -n 1 | sed 's/.*"\([^"]*\)"$/\1/')
[ -n "$mms_id" ] || fail "no mmsId in the MMS send result"
/usr/bin/zvdesk media "$mms_id" -o "$work/media.png" || fail "zvdesk media exited $?"
cmp -s "$work/media.png" /usr/share/icons/hicolor/48x48/apps/zvdesk.png \
    || fail "zvdesk media did not return the attachment that was sent"
kill "$sandbox_pid" 2>/dev/null || true
wait "$sandbox_pid" 2>/dev/null || true
sandbox_pid=""
unset ZVDESK_API_BASE ZVDESK_TOKEN
say "command-line round trip OK (send SMS + MMS, logs, media)"

# 6. self-test, once the app has one
if /usr/bin/zvdesk --help | grep -q -- '--self-test'; then
    # A hang (exit 124 from timeout) is retried once: README, Known gaps, "Self-test hang in
    # media playback" (Qt's FFmpeg backend, about 1 run in 40). Any other failure fails at once.
    status=0
    timeout 300 /usr/bin/zvdesk --self-test || status=$?
    if [ "$status" -eq 124 ]; then
        say "zvdesk --self-test hung (the known media-playback hang): running it once more"
        status=0
        timeout 300 /usr/bin/zvdesk --self-test || status=$?
    fi
    [ "$status" -eq 0 ] || fail "zvdesk --self-test exited $status"
    say "zvdesk --self-test OK"
else
    say "zvdesk --help lists no --self-test yet: skipped"
fi

# 7. removal keeps user data
if [ "${ZVDESK_KEEP_INSTALLED:-0}" != "1" ]; then
    before=$(cd "$HOME" && find . -type f -exec sha256sum {} + | sort)
    $SUDO dpkg -r zvdesk || fail "dpkg -r zvdesk failed"
    [ ! -e /opt/zvdesk ] || fail "/opt/zvdesk still exists after dpkg -r"
    [ ! -e /usr/bin/zvdesk ] || fail "/usr/bin/zvdesk still exists after dpkg -r"
    after=$(cd "$HOME" && find . -type f -exec sha256sum {} + | sort)
    [ "$before" = "$after" ] || fail "removing the package changed files in the user's home"
    [ -f "$HOME/.local/share/zvdesk/keep-me" ] || fail "removal deleted the user's data"
    say "dpkg -r zvdesk removed the program and kept the user's data"
fi
say "all package checks passed ($deb)"
