#!/usr/bin/env bash
# Installs what the browser, Cypher-checker and Neo4j tests need, once: Debian's chromium,
# the pinned npm package @neo4j-cypher/language-support, and Neo4j 5 from Maven Central;
# and Debian's wrk, bench/api.py's load generator (without it the bench uses a Python client).
# Idempotent.
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

if ! command -v wrk >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing Debian's wrk for bench/api.py"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null || echo "wrk not installed" >&2
fi

if [ -f "$here/cypher-lint/package.json" ] && [ ! -d "$here/cypher-lint/node_modules/@neo4j-cypher" ]; then
  if command -v npm >/dev/null 2>&1; then
    echo "installing Neo4j's Cypher checker for the query tests"
    (cd "$here/cypher-lint" && npm ci --silent --no-audit --no-fund >/dev/null)
  else
    echo "npm not found: the offline Neo4j Cypher check will be skipped" >&2
  fi
fi

# Neo4j 5 Community for the Neo4j half of the suite: the harness class and its jars, from
# Maven Central, into tools/neo4j5/target (GPL-3.0 jars: downloaded here, never committed).
neo4j5="$here/../../tools/neo4j5"
if [ ! -f "$neo4j5/target/classes/scrutiny/Neo4jHarness.class" ] || [ "$neo4j5/pom.xml" -nt "$neo4j5/target/lib" ]; then
  if command -v mvn >/dev/null 2>&1 && command -v java >/dev/null 2>&1; then
    echo "building Neo4j 5 Community (neo4j-harness, from Maven Central) for the Neo4j tests"
    rm -rf "$neo4j5/target/lib"
    (cd "$neo4j5" && mvn -B -q package dependency:copy-dependencies \
        -DoutputDirectory=target/lib -DincludeScope=runtime >/dev/null)
  else
    echo "java or mvn not found: the Neo4j half of the suite will be skipped" >&2
  fi
fi
