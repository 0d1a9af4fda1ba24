#!/usr/bin/env bash
# Installs the Debian packages the tests drive (curl, chromium) when they are missing.
# Runs before `npm test`; needs root (or sudo) only when something is missing.
set -euo pipefail

missing=()
command -v curl >/dev/null 2>&1 || missing+=(curl)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || {
    echo "system-deps: need ${missing[*]}; install them as root (apt-get install ${missing[*]})." >&2
    exit 1
  }
  sudo="sudo"
fi
echo "system-deps: installing ${missing[*]} with apt-get" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
