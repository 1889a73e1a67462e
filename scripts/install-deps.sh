#!/usr/bin/env bash
# Installs the Debian packages listed in scripts/debian-packages.txt (or in the list file given,
# e.g. bench/render-packages.txt) that are not installed yet. Idempotent: on a machine that has
# them all it only checks.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
list="${1:-$here/debian-packages.txt}"
mapfile -t wanted < <(grep -vE '^\s*(#|$)' "$list")
missing=()
for package in "${wanted[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done
sudo=""
if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
fi
# A locale whose decimal point is a comma, for the tests that write files in one (the viewer
# runs in the user's locale): made from the `locales` package's sources when it is missing.
ensure_test_locale() {
    local have
    have="$(locale -a 2>/dev/null || true)"
    if [ "$list" = "$here/debian-packages.txt" ] && ! grep -qi '^de_DE\.utf-\?8$' <<< "$have"; then
        $sudo localedef -i de_DE -f UTF-8 de_DE.UTF-8
    fi
}
if [ ${#missing[@]} -eq 0 ]; then
    ensure_test_locale
    exit 0
fi
echo "Installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# Others may be installing too: wait for the dpkg lock rather than fail.
$sudo apt-get -o DPkg::Lock::Timeout=1800 update -qq
$sudo apt-get -o DPkg::Lock::Timeout=1800 install -y -qq --no-install-recommends "${missing[@]}"
ensure_test_locale
