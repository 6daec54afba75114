"""The API under attack, through a real ``scrutiny serve`` process and real sockets: ingest
closed unless really keyed, bodies refused before they are read, reads answering while an
upload is processed, file names refused with a reason, no machine paths in error bodies."""

from __future__ import annotations

import json
import os
import select
import signal
import socket
import time

import httpx
import pytest
from pydantic import SecretStr

from scrutiny.api.app import create_app
from scrutiny.errors import ConfigError
from scrutiny.settings import Settings
from tests.processes import cli, server_processes
from tests.test_persistence import finish, start_api, stop_api

KEY = "a-key-of-24-characters!!"
MIB = 1024 * 1024
DOC = b"Councillor Boyes asked whether the register had been updated.\n"


@pytest.fixture(scope="module")
def keyed(tmp_path_factory):
    """A server with ingest on and a body cap of 1 MiB, spooling into a folder of its own."""
    root = tmp_path_factory.mktemp("keyed")
    (root / "tmp").mkdir()
    api, http = start_api(root / "data", SCRUTINY_API_KEY=KEY, SCRUTINY_MAX_REQUEST_MB="1",
                          TMPDIR=str(root / "tmp"))
    yield api, http, root
    stop_api(api, http)


def port_of(http: httpx.Client) -> int:
    return http.base_url.port or 80


def documents_held(http) -> int:
    return http.get("/queries/document-count").json()["rows"][0]["documents"]


@pytest.mark.parametrize("key", ["", "   "])
def test_an_empty_or_blank_key_means_ingest_off(tmp_path, key):
    api, http = start_api(tmp_path / "data", SCRUTINY_API_KEY=key)
    try:
        for headers in ({}, {"X-API-Key": ""}, {"X-API-Key": "anything"}):
            r = http.post("/documents", files={"file": ("m.txt", DOC)}, headers=headers)
            assert (r.status_code, r.json()["error"]["code"]) == (404, "not_found")
        assert documents_held(http) == 0
    finally:
        assert stop_api(api, http) == 0


def test_a_short_key_is_refused_at_start_up_in_one_line(tmp_path):
    code, out, err = finish(cli("serve", "--port", "0", data_dir=tmp_path / "data",
                                env_extra={"SCRUTINY_API_KEY": "fifteen-chars!!"}), timeout=60)
    assert code == 1 and out == ""
    assert err.strip().splitlines() == [
        "Error: SCRUTINY_API_KEY is 15 characters; use at least 16 (or leave it empty to keep ingest off)"]
    with pytest.raises(ConfigError, match="at least 16"):  # settings copied past the validator too
        create_app(Settings().model_copy(update={"api_key": SecretStr("short")}))


def head(port: int, first_line: str, headers: dict[str, str]) -> socket.socket:
    """A connection that has sent a request's head and none of its body."""
    sock = socket.create_connection(("127.0.0.1", port))
    lines = [first_line, "Host: 127.0.0.1", *(f"{k}: {v}" for k, v in headers.items())]
    sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
    return sock


def answer(sock: socket.socket, timeout: float = 30) -> tuple[int, dict]:
    """The status and JSON body of the response on ``sock``."""
    sock.settimeout(timeout)
    data = b""
    while b"\r\n\r\n" not in data or len(data.split(b"\r\n\r\n", 1)[1]) < _length(data):
        chunk = sock.recv(65536)
        if not chunk:
            break
        data += chunk
    top, body = data.split(b"\r\n\r\n", 1)
    return int(top.split()[1]), json.loads(body[:_length(data)])


def _length(data: bytes) -> int:
    top = data.split(b"\r\n\r\n", 1)[0].decode("latin-1").lower()
    return next(int(line.split(":")[1]) for line in top.split("\r\n") if line.startswith("content-length:"))


CHUNKED = {"Transfer-Encoding": "chunked", "Content-Type": "multipart/form-data; boundary=B"}
PART_HEAD = (b'--B\r\nContent-Disposition: form-data; name="file"; filename="m.txt"\r\n'
             b"Content-Type: text/plain\r\n\r\n")


def chunk(data: bytes) -> bytes:
    return f"{len(data):x}\r\n".encode() + data + b"\r\n"


@pytest.mark.parametrize("first_line, headers, status, code", [
    ("POST /no-such-route HTTP/1.1", {**CHUNKED, "X-API-Key": KEY}, 404, "not_found"),
    ("POST /health HTTP/1.1", {**CHUNKED, "X-API-Key": KEY}, 405, "method_not_allowed"),
    ("POST /documents HTTP/1.1", CHUNKED, 401, "unauthorized"),
    ("POST /documents HTTP/1.1", {**CHUNKED, "X-API-Key": KEY[:-1] + "?"}, 401, "unauthorized"),
    ("POST /documents HTTP/1.1", {"Content-Length": str(300 * MIB), "X-API-Key": KEY}, 413, "too_large"),
])
def test_a_body_is_refused_before_a_byte_of_it_is_read(keyed, first_line, headers, status, code):
    with head(port_of(keyed[1]), first_line, headers) as sock:  # the body never comes
        assert answer(sock)[0] == status
    with head(port_of(keyed[1]), first_line, headers) as sock:
        assert answer(sock)[1]["error"]["code"] == code


def test_a_read_only_server_refuses_uploads_unread(tmp_path):
    api, http = start_api(tmp_path / "data")
    try:
        with head(port_of(http), "POST /documents HTTP/1.1", {**CHUNKED, "X-API-Key": KEY}) as sock:
            assert answer(sock) == (404, {"error": {"code": "not_found", "message":
                                                    "ingest is off: set SCRUTINY_API_KEY to enable it"}})
    finally:
        stop_api(api, http)


def test_a_chunked_body_is_counted_as_it_streams_and_stopped_at_the_cap(keyed):
    """Just over the cap, its end never sent: the answer is 413 at once, so the count, not
    the end of the body, decided."""
    with head(port_of(keyed[1]), "POST /documents HTTP/1.1", {**CHUNKED, "X-API-Key": KEY}) as sock:
        sock.sendall(chunk(PART_HEAD))
        for _ in range(17):
            sock.sendall(chunk(b"x" * (64 * 1024)))
        status, body = answer(sock)
    assert (status, body["error"]) == (413, {"code": "too_large", "message": "request body over 1 MiB"})


def test_a_chunked_300_mib_upload_is_refused_after_the_cap_and_nothing_is_spooled(keyed):
    api, http, root = keyed
    sent, status = 0, None
    with head(port_of(http), "POST /documents HTTP/1.1", {**CHUNKED, "X-API-Key": KEY}) as sock:
        sock.sendall(chunk(PART_HEAD))
        try:
            while sent < 300 * MIB and not select.select([sock], [], [], 0)[0]:
                sock.sendall(chunk(b"x" * MIB))
                sent += MIB
            status = answer(sock)[0]
        except (BrokenPipeError, ConnectionResetError):
            status = status or 413  # the server closed on us: asked below whether it still answers
    assert status == 413 and sent < 32 * MIB  # the cap is 1 MiB; the rest sat in socket buffers
    assert list((root / "tmp").iterdir()) == []
    assert http.get("/health").status_code == 200


def test_a_just_under_the_cap_upload_loads(keyed):
    api, http, _ = keyed
    body = DOC + b" " * (MIB - len(DOC) - 400)
    r = http.post("/documents", files={"file": ("big.txt", body)}, headers={"X-API-Key": KEY})
    assert r.status_code == 200 and r.json() == [{"file": "big.txt", "outcome": "loaded", "reason": None}]


@pytest.mark.parametrize("name, reason", [
    ("..", "cannot be '.' or '..'"), (".", "cannot be '.' or '..'"),
    ("a\x00b.txt", "control characters"), ("a" * 400 + ".txt", "at most 200 bytes"),
    ("../etc/passwd", "path separator"), ("sub/m.txt", "path separator"), ("a\\b.txt", "path separator"),
])
def test_a_bad_file_name_is_a_400_with_the_reason(keyed, name, reason):
    # the multipart body by hand: a client library would escape the NUL byte
    body = (f'--B\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
            "Content-Type: text/plain\r\n\r\n").encode() + DOC + b"\r\n--B--\r\n"
    r = keyed[1].post("/documents", content=body, headers={"X-API-Key": KEY, "Content-Type": CHUNKED["Content-Type"]})
    assert r.status_code == 400 and r.json()["error"]["code"] == "bad_request"
    assert reason in r.json()["error"]["message"]


def test_reads_keep_answering_while_a_big_upload_is_processed(tmp_path):
    """19.9 MB of minutes take minutes to extract; /health answers meanwhile, each time, and
    before the upload's own answer comes."""
    paragraph = b"Councillor Boyes asked whether the register had been updated. The Commissioner agreed.\n\n"
    text = paragraph * (19_900_000 // len(paragraph))
    api, http = start_api(tmp_path / "data", SCRUTINY_API_KEY=KEY)
    try:
        body = PART_HEAD + text + b"\r\n--B--\r\n"
        headers = {"Content-Type": CHUNKED["Content-Type"], "Content-Length": str(len(body)), "X-API-Key": KEY}
        with head(port_of(http), "POST /documents HTTP/1.1", headers) as upload:
            upload.sendall(body)
            answers = [http.get("/health", timeout=120).status_code for _ in range(5)]
            assert answers == [200] * 5
            assert select.select([upload], [], [], 0)[0] == []  # the upload is still being processed
    finally:
        assert stop_api(api, http) == 0  # Ctrl-C stops it mid-upload, after a grace period
    assert _no_server_left(tmp_path / "data")


def _no_server_left(data) -> bool:
    deadline = time.monotonic() + 30
    while server_processes(data) and time.monotonic() < deadline:
        time.sleep(0.1)
    return server_processes(data) == []


def test_a_store_unavailable_answer_names_no_machine_path(tmp_path):
    """The database server killed and its folder made unusable (so no reconnect can heal it):
    503 with the one error shape, and the socket path and data folder only in the server log."""
    data = tmp_path / "data"
    api, http = start_api(data)
    try:
        assert http.get("/health").status_code == 200
        for pid in server_processes(data):
            os.kill(pid, signal.SIGKILL)
        (data / "falkordb").rename(tmp_path / "moved-aside")
        (data / "falkordb").write_text("not a folder")
        r = http.get("/queries/graph-counts")
        assert r.status_code == 503 and r.json()["error"]["code"] == "store_unavailable"
        assert str(tmp_path) not in r.text and "/" not in r.json()["error"]["message"]
    finally:
        http.close()
        api.send_signal(signal.SIGINT)
        _, _, err = finish(api, 60)
    assert str(data) in err  # the log says what the answer did not
