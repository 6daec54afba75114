"""Fetch one committee's meetings into a folder ready for ``scrutiny load``.

Resumable: ``.scrutiny-fetch.json`` in the folder remembers each URL's
validators and each meeting's file and hash, and is saved after every
meeting, so an interrupted run picks up where it stopped and a re-run
rewrites only what changed.  ``manifest.csv`` gives every file its public
URL, body and meeting date.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from scrutiny.errors import FetchError
from scrutiny.loaders.moderngov import service
from scrutiny.loaders.moderngov.client import PoliteClient, Response
from scrutiny.loaders.moderngov.document import meeting_url, minutes_html, printed_minutes, restricted_count

STATE_NAME = ".scrutiny-fetch.json"
MANIFEST_COLUMNS = ["file", "url", "body", "meeting_date", "title"]
FIRST_PANELS = dt.date(2012, 11, 1)  # Police and Crime Panels began with the first PCCs


@dataclass
class FetchSummary:
    found: int = 0
    fetched: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    no_minutes: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    restricted_items: int = 0

    def line(self) -> str:
        return (f"meetings found {self.found}: fetched {len(self.fetched)}, unchanged "
                f"{len(self.unchanged)}, no minutes yet {len(self.no_minutes)}, failed "
                f"{len(self.failed)}; {self.restricted_items} restricted item(s) not published")


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.part")
    tmp.write_bytes(data)
    os.replace(tmp, path)


class FetchState:
    """A cache, not a record: if it is unreadable the run starts afresh and fetches again."""

    def __init__(self, folder: Path):
        self.path = folder / STATE_NAME
        try:
            data = json.loads(self.path.read_text()) if self.path.exists() else {}
        except (OSError, ValueError):
            data = {}
        data = data if isinstance(data, dict) else {}
        self.urls: dict = data.get("urls", {})
        self.meetings: dict = data.get("meetings", {})

    def save(self) -> None:
        _write_atomic(self.path, json.dumps({"version": 1, "urls": self.urls,
                                             "meetings": self.meetings}, indent=1).encode())

    def validators(self, url: str) -> dict:
        known = self.urls.get(url, {})
        return {"etag": known.get("etag"), "last_modified": known.get("last_modified")}

    def remember(self, url: str, response: Response) -> None:
        self.urls[url] = {"etag": response.etag, "last_modified": response.last_modified}


class Harvest:
    """One site, one output folder; the caller walks the meetings (and draws progress)."""

    def __init__(self, client: PoliteClient, site: str, out: Path, body: str | None = None):
        self.client, self.site, self.out, self.body = client, site, out, body
        self.service = f"{site}/mgWebService.asmx"
        out.mkdir(parents=True, exist_ok=True)
        self.state = FetchState(out)
        self.summary = FetchSummary()

    def committee(self, wanted: str) -> service.Committee:
        answer = self.client.get(f"{self.service}/GetCommittees")
        found = service.committees(service.parse_xml(answer.content, "GetCommittees"))
        return service.choose_committee(found, wanted)

    def meetings(self, committee: service.Committee, since: dt.date,
                 until: dt.date) -> list[tuple[str, str | None]]:
        span = f"sFromDate={since:%d/%m/%Y}&sToDate={until:%d/%m/%Y}"
        answer = self.client.get(f"{self.service}/GetMeetings?lCommitteeId={committee.id}&{span}")
        stubs = service.meeting_stubs(service.parse_xml(answer.content, "GetMeetings"))
        inside = [(mid, day) for mid, day in dict(stubs).items()
                  if day is None or since.isoformat() <= day <= until.isoformat()]
        self.summary.found = len(inside)
        return sorted(inside, key=lambda s: (s[1] or "", s[0]))

    def fetch(self, committee: service.Committee, meeting_id: str, day: str | None) -> str:
        """Fetch one meeting; its outcome is recorded in the summary and returned."""
        label = f"{day or 'undated'} meeting {meeting_id}"
        try:
            outcome = self._fetch_meeting(committee, meeting_id, day)
        except FetchError as exc:
            self.summary.failed.append((label, str(exc)))
            return "failed"
        getattr(self.summary, outcome.replace(" ", "_")).append(label)
        self.state.save()
        return outcome

    def _fetch_meeting(self, committee, meeting_id: str, day: str | None) -> str:
        known = self.state.meetings.get(meeting_id, {})
        url = f"{self.service}/GetMeeting?lMeetingId={meeting_id}"
        answer = self._get(url, known.get("file"))
        if answer.status == 304:
            return "unchanged" if known.get("file") else "no minutes"
        record = service.meeting(service.parse_xml(answer.content, f"GetMeeting {meeting_id}"))
        self.state.remember(url, answer)
        self.summary.restricted_items += restricted_count(record)
        body = self.body or committee.title
        page = meeting_url(self.site, committee.id, meeting_id)
        info = {"url": page, "body": body, "meeting_date": record.date or day}
        stem = f"moderngov-{committee.id}-{info['meeting_date'] or 'undated'}-{meeting_id}"
        if (document := minutes_html(body, record, page)) is not None:
            return self._keep(meeting_id, f"{stem}.html", document.encode(), info)
        return self._fetch_printed(record, meeting_id, f"{stem}.pdf", info)

    def _fetch_printed(self, record, meeting_id: str, name: str, info: dict) -> str:
        pdf = printed_minutes(record, self.site)
        if pdf is None:
            return "no minutes"
        answer = self._get(pdf.url, name)
        if answer.status == 304:
            return "unchanged"
        if not answer.content.startswith(b"%PDF-"):
            raise FetchError(f"{pdf.url}: the printed minutes are not a PDF")
        self.state.remember(pdf.url, answer)
        return self._keep(meeting_id, name, answer.content, info)

    def _get(self, url: str, file: str | None) -> Response:
        """Conditional only while the file it produced is still on disk."""
        if file and (self.out / file).exists():
            return self.client.get(url, **self.state.validators(url))
        return self.client.get(url)

    def _keep(self, meeting_id: str, name: str, data: bytes, info: dict) -> str:
        sha = hashlib.sha256(data).hexdigest()
        known = self.state.meetings.get(meeting_id, {})
        if known.get("sha256") == sha and known.get("file") == name and (self.out / name).exists():
            return "unchanged"
        _write_atomic(self.out / name, data)
        if known.get("file") and known["file"] != name:
            (self.out / known["file"]).unlink(missing_ok=True)
        self.state.meetings[meeting_id] = {"file": name, "sha256": sha, **info}
        return "fetched"

    def finish(self) -> list[Path]:
        """Save the state and the manifest; the files of every meeting fetched so far."""
        self.state.save()
        rows = _manifest_rows(self.out / "manifest.csv")
        for record in self.state.meetings.values():
            rows[record["file"]] = {"file": record["file"], "url": record["url"],
                                    "body": record["body"], "meeting_date": record["meeting_date"],
                                    "title": f"Minutes of {record['body']}, {record['meeting_date']}"}
        if not rows:
            return []
        with (self.out / ".manifest.csv.part").open("w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, MANIFEST_COLUMNS, extrasaction="ignore")
            writer.writeheader()
            writer.writerows(rows[name] for name in sorted(rows))
        os.replace(self.out / ".manifest.csv.part", self.out / "manifest.csv")
        return [self.out / r["file"] for r in self.state.meetings.values()]


def _manifest_rows(path: Path) -> dict[str, dict]:
    if not path.exists():
        return {}
    with path.open(newline="", encoding="utf-8-sig") as fh:
        return {row["file"]: row for row in csv.DictReader(fh) if row.get("file")}


def fetch_committee(client: PoliteClient, site: str, committee: str, out: Path, *,
                    since: dt.date = FIRST_PANELS, until: dt.date | None = None,
                    body: str | None = None) -> tuple[FetchSummary, list[Path]]:
    """Every meeting of ``committee`` between the dates, without a progress bar."""
    harvest = Harvest(client, site, out, body)
    chosen = harvest.committee(committee)
    for meeting_id, day in harvest.meetings(chosen, since, until or dt.date.today()):
        harvest.fetch(chosen, meeting_id, day)
    return harvest.summary, harvest.finish()
