"""Schemathesis with every check (``--checks all``) on every operation of a real ``scrutiny
serve`` process on the embedded store (test_api.py holds the two stores to the same answers),
ingest on: generated valid requests are accepted, invalid
ones refused, every answer matches the documented schema, status codes and headers
(a 405 with its Allow), and no request gets a 500.  Bounded and seeded, so it is quick
and the same from run to run."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import httpx

from scrutiny.graph.stores.base import open_store
from scrutiny.loaders.pipeline import expand, load_paths
from tests.conftest import EXAMPLES, free_port, store_env
from tests.processes import cli
from tests.test_persistence import finish

KEY = "a-key-of-24-characters!!"
SCHEMATHESIS = Path(sys.executable).parent / "schemathesis"
#: Every check ``--checks all`` runs, each turned on in the config rather than on the command
#: line, because a check named on the command line overrides the one exception below.
CHECKS = ("not_a_server_error", "status_code_conformance", "content_type_conformance",
          "response_schema_conformance", "response_headers_conformance", "positive_data_acceptance",
          "negative_data_rejection", "use_after_free", "ensure_resource_availability",
          "missing_required_header", "ignored_auth", "object_level_authorization", "unsupported_method",
          "allow_header_conformance")
# The exception: a multipart file part is bytes whatever the schema says it holds, so the
# "boolean" schemathesis sends as the file to test refusal is the text document "true", a
# valid upload; every other check still runs on POST /documents.
# The bound: unexpected methods are tried with TRACE alone (each answers 405 with Allow the
# same way), and a view of a saved query, one route per query over one function whose
# parameters the query's own route covers in full, gets the fuzzing phase but not the
# thousand boundary cases of the coverage phase (it renders a 700 KB page each time); nor
# does an export or an analysis, which reads the whole graph each time (their few parameters
# are fuzzed).
CONFIG = "".join(f"[checks.{name}]\nenabled = true\n" for name in CHECKS) + """
[phases.coverage]
unexpected-methods = ["TRACE"]

[[operations]]
include-path-regex = "^/views/query/"
phases.coverage.enabled = false

[[operations]]
include-path-regex = "^/(exports|analytics)/"
phases.coverage.enabled = false

[[operations]]
include-path = "/documents"
checks.negative_data_rejection.enabled = false
"""


def serve(env: dict[str, str]):
    port = free_port()
    api = cli("serve", "--port", str(port), "--quiet", env={**env, "SCRUTINY_API_KEY": KEY})
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            httpx.get(f"{url}/health")
            return api, url
        except httpx.ConnectError:
            time.sleep(0.1)
    raise AssertionError(f"the API did not start: {finish(api, 5)}")


def test_every_operation_passes_every_schemathesis_check(embedded_settings, tmp_path):
    settings = embedded_settings
    store = open_store(settings)
    try:
        assert len(load_paths(store, expand([str(EXAMPLES)]), settings).loaded) == 5
    finally:
        store.close()
    config = tmp_path / "schemathesis.toml"
    config.write_text(CONFIG)
    api, url = serve(store_env(settings))
    try:
        paths = httpx.get(f"{url}/openapi.json").json()["paths"]
        operations = sum(len(methods) for methods in paths.values())
        run = subprocess.run(
            [str(SCHEMATHESIS), "--no-color", "--config-file", str(config), "run", f"{url}/openapi.json",
             "--max-examples", "5", "--seed", "1", "--generation-database", "none",
             "--header", f"X-API-Key: {KEY}"],
            capture_output=True, text=True, timeout=600, cwd=tmp_path)
    finally:
        api.terminate()
        finish(api, 60)
    summary = run.stdout[run.stdout.find("SUMMARY"):]
    assert run.returncode == 0, run.stdout[-6000:]
    assert f"Selected: {operations}/{operations}" in summary and f"Tested: {operations}" in summary
