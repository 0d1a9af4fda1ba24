# Source it from the repository's root (`. tools/use-node.sh`, in sh, bash or zsh) to put a Node
# the project runs on first on PATH.
# The machine's own Node is used when it is new enough: 22.18 or later (Node's type stripping is
# on by default from 22.18, and scripts/, src/ and test/ run as .ts), 24 or later in CI (the LTS
# the suite is run on). Otherwise Node 24 is installed once from the npm registry's `node`
# package into .node/ (about 190 MB, a few seconds) and used from there.
node_wanted_major=22
node_wanted_minor=18
if [ "${CI:-}" = "true" ]; then
  node_wanted_major=24
  node_wanted_minor=0
fi

node_is_new_enough() {
  command -v node >/dev/null 2>&1 || return 1
  node -e "const [major, minor] = process.versions.node.split('.').map(Number);
    process.exit(major > $node_wanted_major || (major === $node_wanted_major && minor >= $node_wanted_minor) ? 0 : 1)"
}

if ! node_is_new_enough; then
  node_home="$PWD/.node"
  if [ ! -x "$node_home/node_modules/.bin/node" ]; then
    echo "use-node: Node $(node -v 2>/dev/null || echo 'not found') is older than $node_wanted_major.$node_wanted_minor; installing node@24 from the npm registry into .node/" >&2
    npm install --prefix "$node_home" --no-save --no-audit --no-fund --loglevel=error node@24 >&2 || return 1 2>/dev/null || exit 1
  fi
  PATH="$node_home/node_modules/.bin:$PATH"
  export PATH
  echo "use-node: using $(node -v) from .node/" >&2
fi
unset node_wanted_major node_wanted_minor node_home
unset -f node_is_new_enough
