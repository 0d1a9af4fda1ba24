#!/bin/sh
# The npm scripts run `sh tools/node.sh <file.ts> [args...]`: node, under a Node the project runs
# on (tools/use-node.sh installs one from the npm registry when the machine's is older), so that
# `npm run generate` and the rest work on a machine whose own Node is too old.
. tools/use-node.sh || exit 1
exec node "$@"
