#!/usr/bin/env bash
# Runs a command inside a private D-Bus session bus with its own unlocked gnome-keyring, so tests
# use a real Secret Service keychain without touching the machine user's login keyring.
# Usage: scripts/with-keyring-session.sh COMMAND [ARGS...]
set -euo pipefail

for tool in dbus-run-session gnome-keyring-daemon; do
  command -v "$tool" >/dev/null || { echo "with-keyring-session: $tool is missing; install gnome-keyring and dbus-x11 (see README, Test)" >&2; exit 1; }
done

scratch=$(mktemp -d "${TMPDIR:-/tmp}/sso-tray-keyring.XXXXXX")
chmod 700 "$scratch"
mkdir -m 700 "$scratch/runtime" "$scratch/home"
trap 'rm -rf "$scratch"' EXIT

export XDG_RUNTIME_DIR="$scratch/runtime"
export SSO_TRAY_KEYRING_HOME="$scratch/home"
SSO_TRAY_KEYRING_PASS=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
export SSO_TRAY_KEYRING_PASS

dbus-run-session -- bash -c '
  set -euo pipefail
  # The daemon keeps its keyring files under its own HOME: a scratch folder, never the user'"'"'s.
  printf %s "$SSO_TRAY_KEYRING_PASS" |
    HOME="$SSO_TRAY_KEYRING_HOME" XDG_DATA_HOME="$SSO_TRAY_KEYRING_HOME/.local/share" \
    gnome-keyring-daemon --unlock --components=secrets >/dev/null
  unset SSO_TRAY_KEYRING_PASS
  exec "$@"
' with-keyring-session "$@"
