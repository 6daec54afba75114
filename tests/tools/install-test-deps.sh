#!/usr/bin/env bash
# Installs what the browser and Cypher-checker tests need, once: Debian's chromium
# and the pinned npm package @neo4j-cypher/language-support.  Idempotent.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing Debian's chromium for the browser tests"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "chromium not found and cannot be installed here: browser tests will be skipped" >&2
  fi
fi

if [ -f "$here/cypher-lint/package.json" ] && [ ! -d "$here/cypher-lint/node_modules/@neo4j-cypher" ]; then
  if command -v npm >/dev/null 2>&1; then
    echo "installing Neo4j's Cypher checker for the query tests"
    (cd "$here/cypher-lint" && npm ci --silent --no-audit --no-fund >/dev/null)
  else
    echo "npm not found: the offline Neo4j Cypher check will be skipped" >&2
  fi
fi
