"""``scrutiny fetch moderngov`` against a real HTTP server on loopback serving the
documented ModernGov shapes (no internet on these machines, and none needed)."""

from __future__ import annotations

import csv
import datetime as dt
import itertools
import subprocess
import sys

import pytest

from scrutiny.errors import FetchError
from scrutiny.graph.stores.base import open_store
from scrutiny.loaders.moderngov import service
from scrutiny.loaders.moderngov.client import PoliteClient
from scrutiny.loaders.moderngov.harvest import Harvest, fetch_committee
from tests.conftest import store_env
from tests.moderngov_site import PRINTED_MINUTES, Site

COMMITTEE = "Northshire Police and Crime Panel"
SINCE, UNTIL = dt.date(2012, 11, 1), dt.date(2024, 12, 31)


def quick_client(**overrides) -> PoliteClient:
    return PoliteClient(**{"delay_s": 0, "timeout_s": 0.5, "retries": 1, "backoff_s": 0.01,
                           **overrides})


def fetch(site: Site, out):
    client = quick_client()
    try:
        return fetch_committee(client, site.url, COMMITTEE, out, since=SINCE, until=UNTIL)
    finally:
        client.close()


@pytest.fixture(scope="module")
def fetched(tmp_path_factory):
    out = tmp_path_factory.mktemp("fetched")
    with Site() as site:
        summary, files = fetch(site, out)
        yield site, out, summary, files


def manifest(out) -> dict[str, dict]:
    with (out / "manifest.csv").open(newline="") as fh:
        return {row["file"]: row for row in csv.DictReader(fh)}


def test_fetch_writes_one_document_per_meeting_and_a_manifest_row_for_each(fetched):
    site, out, summary, files = fetched
    assert summary.found == 7  # 4990 is before --since
    assert summary.fetched == ["2023-03-14 meeting 5001", "2023-06-20 meeting 5002",
                               "2023-09-12 meeting 5003", "2024-01-30 meeting 5005"]
    assert summary.no_minutes == ["2024-06-11 meeting 5007"]
    reasons = dict(summary.failed)
    assert "malformed XML" in reasons["2023-11-07 meeting 5004"]
    assert "timed out after 0.5 s (2 tries)" in reasons["2024-02-06 meeting 5006"]
    rows = manifest(out)
    assert sorted(rows) == sorted(f.name for f in files) == [
        "moderngov-140-2023-03-14-5001.html", "moderngov-140-2023-06-20-5002.html",
        "moderngov-140-2023-09-12-5003.pdf", "moderngov-140-2024-01-30-5005.html"]
    first = rows["moderngov-140-2023-03-14-5001.html"]
    assert first["url"] == f"{site.url}/ieListDocuments.aspx?CId=140&MId=5001"
    assert (first["body"], first["meeting_date"]) == (COMMITTEE, "2023-03-14")
    asked = [p for _, p, h in site.requests if p.endswith("GetMeetings")]
    assert asked == ["/mgWebService.asmx/GetMeetings"]


def test_item_minutes_become_numbered_headings_with_their_text(fetched):
    _, out, _, _ = fetched
    page = (out / "moderngov-140-2023-03-14-5001.html").read_text()
    assert "<p>24/23</p>\n<h2>HMICFRS PEEL Inspection 2023</h2>" in page
    assert "Councillor Mary Shaw asked how the force would improve" in page


def test_restricted_items_are_never_fetched_and_show_as_not_published(fetched):
    site, out, summary, _ = fetched
    page = (out / "moderngov-140-2023-06-20-5002.html").read_text()
    assert "<h2>Complaint against the Commissioner</h2>\n<p>Not published" in page
    assert "CONFIDENTIAL" not in page
    assert "<h2>Work Programme</h2>\n<p>No minute text was published" in page
    assert not any("Exempt" in path for path in site.paths())
    assert summary.restricted_items == 1


def test_a_meeting_without_item_text_falls_back_to_its_own_printed_minutes(fetched):
    site, out, _, _ = fetched
    assert (out / "moderngov-140-2023-09-12-5003.pdf").read_bytes() == PRINTED_MINUTES
    # the item's attachment is the previous meeting's minutes: never taken for this one's
    assert not any("g5002" in path for path in site.paths())


def test_a_500_is_retried_and_every_request_names_the_tool(fetched):
    site, _, _, _ = fetched
    # seven meetings, 5005 (a 500) and 5006 (too slow) asked twice
    assert site.paths().count("/mgWebService.asmx/GetMeeting") == 9
    assert all(h["User-Agent"].startswith("scrutiny/") for _, _, h in site.requests)


def test_a_second_run_fetches_nothing_new_and_rewrites_no_file(tmp_path):
    with Site(slow_s=0.6) as site:
        fetch(site, tmp_path)
        before = {p.name: p.stat().st_mtime_ns for p in tmp_path.iterdir()
                  if p.suffix in (".html", ".pdf")}
        again, files = fetch(site, tmp_path)
        pdf_asks = [h for _, p, h in site.requests if p.endswith(".pdf")]
    assert again.fetched == []
    assert len(again.unchanged) == 4 and len(again.failed) == 2
    assert {p.name: p.stat().st_mtime_ns for p in files} == before
    assert pdf_asks[-1].get("If-None-Match") == '"v1"'


def test_requests_are_paced_by_the_delay(tmp_path):
    with Site() as site:
        client = quick_client(delay_s=0.3)
        harvest = Harvest(client, site.url, tmp_path)
        committee = harvest.committee("140")
        harvest.meetings(committee, SINCE, UNTIL)
        harvest.fetch(committee, "5001", "2023-03-14")
        client.close()
    times = [t for t, _, _ in site.requests]
    assert len(times) == 3
    assert min(b - a for a, b in itertools.pairwise(times)) >= 0.29


@pytest.mark.parametrize("wanted, expected", [
    ("140", "140"), ("northshire police and crime panel", "140"), ("cabinet", "7"),
    ("Complaints", "141")])
def test_a_committee_is_found_by_id_title_or_a_unique_part(wanted, expected):
    found = service.committees(service.parse_xml(
        (Site.fixtures() / "GetCommittees.xml").read_bytes(), "GetCommittees"))
    assert service.choose_committee(found, wanted).id == expected


def test_an_ambiguous_or_unknown_committee_is_refused_naming_the_candidates():
    found = [service.Committee("140", "Police and Crime Panel"),
             service.Committee("141", "Police and Crime Panel Sub-Committee")]
    with pytest.raises(FetchError, match=r"matches 2 committees \(140 .*; 141 .*\): give the id"):
        service.choose_committee(found, "crime panel")
    with pytest.raises(FetchError, match="no committee matches 'Fire'"):
        service.choose_committee(found, "Fire")


def test_xml_declaring_entities_is_refused_before_parsing():
    bomb = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
            b'<!ENTITY lol2 "&lol;&lol;&lol;">]><committees>&lol2;</committees>')
    with pytest.raises(FetchError, match="document type declaration is refused"):
        service.parse_xml(bomb, "GetCommittees")


def test_fetch_with_load_puts_every_fetched_meeting_in_the_graph(settings, tmp_path):
    out = tmp_path / "minutes"
    with Site(slow_s=0.6) as site:
        run = subprocess.run(
            [sys.executable, "-m", "scrutiny.cli", "fetch", "moderngov", site.url + "/",
             "--committee", "Northshire Police and Crime Panel", "--out", str(out),
             "--since", "2023-01-01", "--until", "2024-12-31", "--delay", "0",
             "--timeout", "0.5", "--retries", "1", "--backoff", "0.01", "--load"],
            capture_output=True, text=True, timeout=300,
            env=store_env(settings))
    assert run.returncode == 1, run.stderr  # two meetings failed; the rest are fetched and loaded
    assert ("Northshire Police and Crime Panel (140): meetings found 7: fetched 4, unchanged 0, "
            "no minutes yet 1, failed 2") in run.stdout
    assert "failed: 2023-11-07 meeting 5004: GetMeeting 5004: malformed XML" in run.stderr
    assert "loaded 4, skipped 0 unchanged, failed 0" in run.stdout
    assert run.stderr.strip().endswith("2 meeting(s) could not be fetched; run the same command "
                                       "again to retry them")
    store = open_store(settings)
    try:
        docs = store.run("MATCH (d:Document)-[:RECORDS]->(m:Meeting) "
                         "RETURN d.url AS url, m.date AS date ORDER BY date")
        items = store.run("MATCH (i:AgendaItem) RETURN i.title AS title")
    finally:
        store.close()
    assert [(r["url"].rsplit("=", 1)[1], r["date"]) for r in docs] == [
        ("5001", "2023-03-14"), ("5002", "2023-06-20"), ("5003", "2023-09-12"),
        ("5005", "2024-01-30")]
    assert "Complaint against the Commissioner" in {r["title"] for r in items}


def test_an_unreadable_fetch_state_is_a_lost_cache_not_an_error(tmp_path):
    (tmp_path / ".scrutiny-fetch.json").write_text("{ half a file")
    with Site(slow_s=0.6) as site:
        summary, files = fetch(site, tmp_path)
    assert len(summary.fetched) == 4 and len(files) == 4


def test_ids_that_are_not_numbers_never_become_file_names():
    listed = service.meeting_stubs(service.parse_xml(
        b"<meetings><meeting><meetingid>../../etc/x</meetingid><meetingdate>01/02/2023"
        b"</meetingdate></meeting><meeting><meetingid>77</meetingid></meeting></meetings>",
        "GetMeetings"))
    assert listed == [("77", None)]
