"""A ModernGov site on 127.0.0.1 serving the hand-written fixtures, with the faults real
sites have: a 500 before success, a slow answer, validators on documents."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from tests.pdfs import text_pdf

FIXTURES = Path(__file__).parent / "fixtures" / "moderngov"
PRINTED_MINUTES = text_pdf([
    "NORTHSHIRE POLICE AND CRIME PANEL", "",
    "Minutes of the meeting held on Tuesday, 12 September 2023", "",
    "45/23", "", "Police and Crime Plan Delivery", "",
    "Councillor Mary Shaw asked when the rural crime strategy would be published.",
    "The Commissioner confirmed that it would be published in October.",
], title="Printed minutes 12th-Sep-2023")


class Site:
    def __init__(self, slow_s: float = 2.0):
        self.requests: list[tuple[float, str, dict]] = []
        self.slow_s = slow_s
        self._failed_once: set[str] = set()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self) -> Site:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    @staticmethod
    def fixtures() -> Path:
        return FIXTURES

    def paths(self) -> list[str]:
        return [path for _, path, _ in self.requests]

    def answer(self, path: str, query: dict, headers) -> tuple[int, bytes, dict]:
        name = path.rsplit("/", 1)[-1]
        if name == "GetCommittees":
            return 200, (FIXTURES / "GetCommittees.xml").read_bytes(), {}
        if name == "GetMeetings":
            return 200, (FIXTURES / f"GetMeetings-{query['lCommitteeId'][0]}.xml").read_bytes(), {}
        if name == "GetMeeting":
            return self._meeting(query["lMeetingId"][0])
        if path == "/documents/g5003/Printed minutes 12th-Sep-2023.pdf":
            if headers.get("If-None-Match") == '"v1"':
                return 304, b"", {"ETag": '"v1"'}
            return 200, PRINTED_MINUTES, {"ETag": '"v1"', "Content-Type": "application/pdf"}
        return 404, b"not found", {}

    def _meeting(self, meeting_id: str) -> tuple[int, bytes, dict]:
        if meeting_id == "5005" and meeting_id not in self._failed_once:
            self._failed_once.add(meeting_id)
            return 500, b"Server Error in '/' Application.", {}
        if meeting_id == "5006":
            time.sleep(self.slow_s)
        return 200, (FIXTURES / f"GetMeeting-{meeting_id}.xml").read_bytes(), {}

    def _handler(self):
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                parts = urlsplit(self.path)
                path, query = unquote(parts.path), parse_qs(parts.query)
                site.requests.append((time.monotonic(), path, dict(self.headers)))
                status, body, extra = site.answer(path, query, self.headers)
                try:
                    self.send_response(status)
                    for key, value in {"Content-Length": str(len(body)), **extra}.items():
                        self.send_header(key, value)
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up on a slow answer, as it should

            def log_message(self, *args):
                pass

        return Handler
