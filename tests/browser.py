"""Headless Chromium (Debian's package) driven over its DevTools protocol, for the view tests.

Started with the flags that keep it from phoning home and a fresh profile; the page's own
requests are recorded (DevTools Network events), so a test can run the page's JavaScript
and prove the page asked for nothing beyond its own file.
"""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
import time
from pathlib import Path

import httpx
import pytest
from websockets.sync.client import connect

from tests.conftest import free_port

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-default-apps", "--mute-audio", "--window-size=1200,800"]


def chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        pytest.skip("Debian's chromium is not installed (make test-deps installs it)")
    return path


def screenshot(html: Path, png: Path, budget_ms: int = 10_000) -> Path:
    """A screenshot after ``budget_ms`` of virtual time: enough for the layout to settle."""
    subprocess.run([chromium(), *FLAGS, f"--user-data-dir={png.parent / 'profile-shot'}",
                    f"--virtual-time-budget={budget_ms}", f"--screenshot={png}", html.as_uri()],
                   capture_output=True, timeout=120, check=True)
    return png


class Page:
    """One tab of a Chromium started for one test; ``evaluate`` runs JavaScript in it."""

    def __init__(self, workdir: Path):
        port = free_port()
        self.proc = subprocess.Popen(
            [chromium(), *FLAGS, f"--remote-debugging-port={port}", f"--user-data-dir={workdir / 'profile'}",
             "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.ws = connect(_page_socket(port), max_size=None, open_timeout=30).__enter__()
        self.next_id, self.events = 0, []
        self.call("Page.enable")
        self.call("Runtime.enable")
        self.call("Network.enable")

    def call(self, method: str, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv(timeout=60))
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(message["error"])
                return message.get("result", {})
            self.events.append(message)
            if message.get("method") == "Page.javascriptDialogOpening":
                self.call("Page.handleJavaScriptDialog", accept=True)

    def open(self, html: Path | str, settle: str = "document.body.getAttribute('data-drawn') === 'true'") -> None:
        """A file, or a URL of a server under test, once ``settle`` holds."""
        self.call("Page.navigate", url=html if isinstance(html, str) else html.as_uri())
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.evaluate(f"document.readyState === 'complete' && ({settle})"):
                return
            time.sleep(0.2)
        raise AssertionError(f"{html} never finished drawing")

    def evaluate(self, expression: str):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise AssertionError(result["exceptionDetails"])
        return result["result"].get("value")

    def dialogs(self) -> list[dict]:
        return [e for e in self.events if e.get("method") == "Page.javascriptDialogOpening"]

    def png(self) -> bytes:
        return base64.b64decode(self.call("Page.captureScreenshot", format="png")["data"])

    def requests(self) -> list[str]:
        """Every URL the page asked for so far."""
        return sorted({e["params"]["request"]["url"] for e in self.events
                       if e.get("method") == "Network.requestWillBeSent"})

    def close(self) -> None:
        self.ws.close()
        self.proc.terminate()
        self.proc.wait(timeout=30)


def _page_socket(port: int) -> str:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            targets = httpx.get(f"http://127.0.0.1:{port}/json", timeout=2).json()
            return next(t["webSocketDebuggerUrl"] for t in targets if t["type"] == "page")
        except (httpx.HTTPError, StopIteration, ValueError):
            time.sleep(0.2)
    raise RuntimeError("chromium's DevTools endpoint did not come up")
