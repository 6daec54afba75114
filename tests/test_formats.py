"""Each input format read end to end: the page as a council publishes it -> text -> events.

HTML pages are hand-written in the shapes ModernGov (``mgAi.aspx``,
``ieListDocuments.aspx``) and council websites publish; PDFs are real files
written by ``tests/pdfs.py`` with the layout habits of printed minutes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scrutiny.loaders.extract.document import extract
from scrutiny.loaders.read.files import read_document
from scrutiny.settings import Settings
from tests.pdfs import text_pdf
from tests.test_extract import check_spec

FORMATS = Path(__file__).parent / "fixtures" / "formats"


def extracted(path: Path) -> dict:
    data = extract(read_document(path, Settings())).to_json()
    check_spec(data)
    return data


def said(data: dict) -> list[tuple[str, str | None, str | None]]:
    """(event type, its actor's name, due) for every event, in order."""
    names = {e["id"]: e["name"] for e in data["entities"]}

    def actor(ev: dict) -> str | None:
        return next((names[ev[k]] for k in ("asker", "speaker", "owner") if ev.get(k)), None)

    return [(ev["type"], actor(ev), ev.get("due")) for ev in data["events"]]


def test_a_moderngov_agenda_item_page_keeps_its_minutes_and_drops_the_site_around_them():
    data = extracted(FORMATS / "mgAi-hmicfrs-update.html")
    doc, text = data["document"], data["document"]["text"]
    assert (doc["title"], doc["meeting_date"], doc["body"]) == (
        "HMICFRS Update", "2023-03-14", "Northshire Police and Crime Panel")
    assert [(i["number"], i["title"]) for i in data["items"]] == [("7", "HMICFRS Update")]
    for chrome in ("Skip to main content", "Councillors", "tracking", "Cookie policy"):
        assert chrome not in text
    assert said(data)[:5] == [
        ("Question", "Councillor Ahmed", None),
        ("Answer", "Detective Superintendent Clare Hollis", None),
        ("Question", "Mrs Walker", None),
        ("Answer", None, None),  # "She was advised that ...": answered, by nobody named
        ("Commitment", "Chief Constable", "next meeting")]
    assert ("Commitment", "Police and Crime Commissioner", None) in said(data)


def test_a_moderngov_meeting_page_is_split_into_its_numbered_items():
    data = extracted(FORMATS / "ieListDocuments-meeting.html")
    assert data["document"]["meeting_date"] == "2017-11-16"
    assert [(i["number"], i["title"]) for i in data["items"] if i["number"]] == [
        ("39/17", "Minutes of the meeting held on 14 September 2017"),
        ("40/17", "Police and Crime Plan Performance Report"),
        ("41/17", "Exclusion of the Public")]
    assert said(data)[:3] == [("Question", "Councillor Brown", None),
                              ("Answer", "Police and Crime Commissioner", None),
                              ("Commitment", "Chief Executive", "next meeting")]


def test_a_council_page_loses_its_cookie_banner_navigation_and_footer():
    data = extracted(FORMATS / "council-cms-minutes.html")
    text = data["document"]["text"]
    assert text.startswith("Westmoor Police and Crime Panel\n\nMinutes of the meeting")
    assert "cookies" not in text and "Copyright" not in text and "Your council" not in text
    assert [i["number"] for i in data["items"] if i["number"]] == ["5.", "6."]
    assert ("Commitment", "Police and Crime Commissioner", "September") in said(data)


PRINTED = [
    "NORTHSHIRE POLICE AND CRIME PANEL", "",
    "Minutes of the meeting held on Tuesday, 12 September 2023 at County Hall", "",
    "45/23", "", "Police and Crime Plan Delivery", "",
    "Councillor Mary Shaw asked when the rural crime strategy would be", "published.", "",
    "The Commissioner confirmed that it would be published in October.", "",
    "46/23", "", "HMICFRS PEEL Inspection", "",
    "Councillor Okafor challenged the force's record on answering 999 calls",
    "within ten seconds and asked what the new call handling model would",
    "change. The Chief Constable explained that twenty more call handlers",
    "had started in August.", "",
    "The Chief Constable agreed to report back to the next meeting on the",
    "first month of the new model.", "",
    "RESOLVED that the report be noted.",
]


def printed_minutes_pdf(tmp_path, **layout) -> Path:
    """The minutes above laid out over pages with a running header and page numbers."""
    pages, lines = [], PRINTED[:]
    while lines:
        pages += ["Northshire Police and Crime Panel - 12 September 2023", ""]
        pages += lines[:9] + [""] * (9 - len(lines[:9])) + ["", f"Page {len(pages) // 13 + 1}"]
        lines = lines[9:]
    path = tmp_path / "printed-minutes.pdf"
    path.write_bytes(text_pdf(pages, title="Printed minutes", per_page=13, **layout))
    return path


@pytest.mark.parametrize("layout", [{"leading": 13}, {"size": 11, "leading": 24}],
                         ids=["single-spaced", "double-spaced"])
def test_printed_minutes_pdf_reads_as_paragraphs_without_page_furniture(tmp_path, layout):
    data = extracted(printed_minutes_pdf(tmp_path, **layout))
    text = data["document"]["text"]
    assert "Page 2" not in text and "- 12 September 2023" not in text
    assert "asked when the rural crime strategy would be\npublished." in text  # over a page break
    assert data["document"]["meeting_date"] == "2023-09-12"
    assert [(i["number"], i["title"]) for i in data["items"] if i["number"]] == [
        ("45/23", "Police and Crime Plan Delivery"), ("46/23", "HMICFRS PEEL Inspection")]
    assert said(data) == [
        ("Question", "Councillor Mary Shaw", None),
        ("Answer", "Police and Crime Commissioner", None),
        ("Commitment", None, "October"),  # "it would be published": a passive names no doer
        ("Challenge", "Councillor Okafor", None),
        ("Answer", "Chief Constable", None),
        ("Commitment", "Chief Constable", "next meeting"),
        ("Resolution", None, None)]


SHORT = "Councillor O’Brien asked about response times. The Commissioner explained the figures."


def test_a_manifest_beside_the_files_gives_url_body_and_date_and_flags_override_it(tmp_path):
    from scrutiny.loaders.pipeline import expand, read_documents
    from scrutiny.loaders.read.manifest import Metadata
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(SHORT)
    (tmp_path / "manifest.csv").write_text(
        "file,url,body,meeting_date\na.txt,https://example.gov.uk/a,Westmoor Police and Crime "
        "Panel,2021-07-05\n")
    (tmp_path / "manifest.json").write_text(
        '{"b.txt": {"body": "Eastmoor Police and Crime Panel", "meeting_date": "5th July 2021"}}')
    docs = {p.name: d for p, d in read_documents(expand([str(tmp_path)]), Settings())}
    assert sorted(docs) == ["a.txt", "b.txt"]  # manifests are not documents
    assert (docs["a.txt"].url, docs["a.txt"].body, docs["a.txt"].meeting_date) == (
        "https://example.gov.uk/a", "Westmoor Police and Crime Panel", "2021-07-05")
    assert (docs["b.txt"].body, docs["b.txt"].meeting_date) == (
        "Eastmoor Police and Crime Panel", "2021-07-05")
    flagged = dict(read_documents([tmp_path / "a.txt"], Settings(),
                                  Metadata(body="Northmoor Police and Crime Panel")))
    doc = flagged[tmp_path / "a.txt"]
    assert (doc.url, doc.body) == ("https://example.gov.uk/a", "Northmoor Police and Crime Panel")


def test_cp1252_text_is_read_with_a_warning_and_its_quotes_intact(tmp_path):
    path = tmp_path / "windows.txt"
    path.write_bytes(SHORT.encode("cp1252"))
    doc = read_document(path, Settings())
    assert doc.text == SHORT
    assert doc.warnings == ["not valid UTF-8: decoded as cp1252"]


def test_a_page_whose_navigation_never_closes_still_gives_its_minutes(tmp_path):
    path = tmp_path / "broken.html"
    path.write_text("<html><body><nav><a href='/'>Home</a><script>var x = 1;</script>"
                    f"<p>{SHORT}</p><p>RESOLVED that the report be noted.</p></body></html>")
    text = read_document(path, Settings()).text
    assert SHORT in text and "var x" not in text
