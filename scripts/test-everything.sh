#!/usr/bin/env bash
# The one command that tests SSO Tray on a fresh Debian 12 machine (see README, Test):
#   1. installs the OS packages the suites use (gnome-keyring, D-Bus, libsecret tools, Chromium,
#      the AWS CLI), with sudo when not root;
#   2. installs the exact npm packages of package-lock.json;
#   3. runs lint, typecheck and the formatting check, builds, then runs the unit, integration and
#      browser suites inside a private D-Bus session with an unlocked gnome-keyring.
# It ends with one line: "tests: N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(gnome-keyring dbus-x11 libsecret-1-0 libsecret-tools chromium awscli)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  sudo=''
  [ "$(id -u)" -eq 0 ] || sudo='sudo'
  echo "Installing OS packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then
  echo "test-everything: Node.js 20.19 or later is needed (found $(node --version)); install it and run again" >&2
  exit 1
fi

npm ci --no-audit --no-fund --loglevel=error

npm run --silent lint
npm run --silent typecheck
npm run --silent format:check
npm run --silent build

mkdir -p reports
rm -f reports/vitest.json reports/playwright.json
status=0
scripts/with-keyring-session.sh npx vitest run --reporter=default --reporter=json --outputFile.json=reports/vitest.json || status=$?
# The browser suite too: its test bridge keeps tokens in the real OS keychain.
PLAYWRIGHT_JSON_OUTPUT_NAME=reports/playwright.json scripts/with-keyring-session.sh npx playwright test --reporter=list,json || status=$?
node scripts/test-summary.mjs reports/vitest.json reports/playwright.json || status=$?
exit "$status"
