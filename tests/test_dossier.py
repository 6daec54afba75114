"""Dossiers: one report's or finding's whole story, read from the nine Kent meetings (loaded
once per run), as Markdown and as a self-contained page in a real browser, over the CLI and
the API; and a hostile report, written straight into a store, shown literally."""

from __future__ import annotations

import csv
import dataclasses
import json
import re
from pathlib import Path

import httpx
import pytest

from scrutiny.api.app import create_app
from scrutiny.errors import AmbiguousName, NotFound
from scrutiny.graph import dossier
from scrutiny.graph.cypher import upsert_statements
from scrutiny.graph.model import Graph
from scrutiny.graph.stores.base import open_store
from scrutiny.viz import dossier_html, dossier_md, dossiers
from tests.browser import Page
from tests.conftest import KENT, KENT_AS_OF, kent, serve_app, store_env
from tests.processes import cli

CRIME_PLAN = "crime plan"  # a report the 2017-11-15 minutes question the PCC on, with one commitment fulfilled
HMIC_REPORT = "Crime Data Integrity"  # the HMIC report `make run` writes the dossier of
HOSTILE = "<script>window.pwned = 1</script><img src=x onerror=\"window.pwned = 2\"> Review & *more*"


@pytest.fixture(scope="module")
def kent_store(graphs):
    return kent(graphs, "embedded")[0]


@pytest.fixture(scope="module")
def crime_plan(kent_store) -> dossier.Dossier:
    return dossier.gather(kent_store, CRIME_PLAN, as_of=KENT_AS_OF)


def test_the_same_dossier_reads_from_neo4j_as_from_the_embedded_store(graphs, crime_plan):
    """The dossier's reads are portable Cypher: Neo4j, loaded with the same nine meetings,
    gives the same page word for word."""
    on_neo4j = dossier.gather(kent(graphs, "neo4j")[0], CRIME_PLAN, as_of=KENT_AS_OF)
    assert len(crime_plan.statements()) > 20
    assert dossier_md.render(on_neo4j) == dossier_md.render(crime_plan)


def _minutes() -> dict[str, str]:
    """{public URL: text} of the nine Kent meetings, from the folder's manifest."""
    with (KENT / "manifest.csv").open() as f:
        return {row["url"]: (KENT / row["file"]).read_text(encoding="utf-8") for row in csv.DictReader(f)}


def test_a_dossier_lists_its_trail_in_meeting_order_with_quotes_found_verbatim_in_the_minutes(crime_plan):
    minutes = _minutes()
    said = crime_plan.statements()
    assert len(said) > 20
    for s in said:
        assert s.source.url in minutes, s.source
        assert minutes[s.source.url][s.start:s.end] == s.quote  # exact words, at the offsets given
    starts = [(t.statement or t.promises[0].statement) for t in crime_plan.parts[0].threads]
    assert [(s.source.date, s.start) for s in starts] == sorted((s.source.date, s.start) for s in starts)
    promised = {" ".join(p.statement.quote.split()): p for p in crime_plan.promises()}
    kept = promised["The related data would be published in due course."]
    assert (kept.outcome.state, kept.outcome.date) == ("fulfilled", "2018-02-08")
    assert kept.outcome.evidence in minutes[kept.outcome.source.url]


def test_the_summary_line_counts_what_the_dossier_lists(crime_plan):
    assert crime_plan.summary() == ("9 questions at 1 meeting, 11 answers, 1 status update; "
                                    "4 commitments: 1 fulfilled, 3 open")
    md = dossier_md.render(crime_plan)
    listed = {kind: len(re.findall(rf"^\s*- \*\*{kind}\*\*", md, re.M))
              for kind in ("Question", "Answer", "Status update", "Commitment")}
    assert listed == {"Question": 9, "Answer": 11, "Status update": 1, "Commitment": 4}
    assert f"**{crime_plan.summary()}**" in md
    page = dossier_html.render(crime_plan)
    assert page.count("<li class='question'>") == 9 and page.count("<li class='commitment'>") == 4


def test_a_report_is_found_by_words_of_its_title_and_vague_words_list_the_candidates(kent_store):
    assert dossier.find(kent_store, "data integrity") == ("report", "crime data integrity")
    vague = r"'plan' matches 8 reports or findings; .*Crime Plan \(report crime plan\)"
    with pytest.raises(AmbiguousName, match=vague):
        dossier.find(kent_store, "plan")
    with pytest.raises(NotFound):
        dossier.find(kent_store, "no such report anywhere")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> dossier.Dossier:
    """A report whose title, quotes and source hold markup, written as a loader would."""
    settings_dir = tmp_path_factory.mktemp("hostile") / "data"
    from scrutiny.settings import Settings
    store = open_store(Settings(data_dir=settings_dir))
    try:
        store.write(upsert_statements(_hostile_graph()))
        return dossier.gather(store, "hostile review", as_of="2024-06-01")
    finally:
        store.close()


def _hostile_graph() -> Graph:
    g = Graph()
    doc = g.add_node("Document", "sha256:hostile", source="javascript:alert(3)", format="txt", text=HOSTILE,
                     meeting_date="2024-03-03")
    meeting = g.add_node("Meeting", "hostile|2024-03-03", date="2024-03-03", body="<b>Hostile</b> Panel")
    g.add_edge("RECORDS", doc, meeting)
    g.add_edge("HELD_BY", meeting, g.add_node("Body", "body:hostile", name="<b>Hostile</b> Panel"))
    report = g.add_node("Report", "hostile review", title=HOSTILE)
    question = g.add_node("Question", "sha256:hostile#ev1", doc="sha256:hostile", quote=HOSTILE, start=0,
                          end=len(HOSTILE), meeting_date="2024-03-03")
    g.add_edge("EVIDENCED_BY", question, doc, doc="sha256:hostile", quote=HOSTILE, start=0, end=len(HOSTILE))
    g.add_edge("ABOUT", question, report)
    g.add_edge("ASKED_BY", question, g.add_node("Person", "hostile|boyes", name="<i>Boyes</i>"))
    return g


def test_markdown_leaves_no_markup_from_a_document_live(hostile):
    from markdown_it import MarkdownIt
    md = dossier_md.render(hostile)
    shown = MarkdownIt("commonmark", {"html": True}).render(md)  # raw HTML passed through, were there any
    assert not re.search(r"<(script|img|b|i)\b", shown) and "&lt;script&gt;window.pwned = 1" in shown
    assert "<em>" not in shown and "](javascript" not in md and "javascript:alert(3)" in md


def test_a_hostile_dossier_shows_its_text_literally_runs_nothing_and_fetches_nothing(hostile, tmp_path):
    html = dossiers.write(hostile, tmp_path / "hostile.html")
    page = Page(tmp_path)
    try:
        page.open(html, settle="true")
        assert page.evaluate("document.querySelector('h1').textContent") == f"Dossier: {HOSTILE}"
        assert HOSTILE in page.evaluate("document.querySelector('.question').textContent")
        assert page.evaluate("document.querySelectorAll('body script, body img, a[href^=javascript]').length") == 0
        assert page.evaluate("typeof window.pwned") == "undefined" and page.dialogs() == []
        assert page.evaluate("document.querySelectorAll('svg circle').length") == 1
        assert page.requests() == [html.as_uri()]
    finally:
        page.close()


def test_every_report_gets_a_dossier_and_the_index_links_each_one(kent_store, tmp_path):
    written = dossiers.write_all(kent_store, tmp_path / "all", as_of=KENT_AS_OF)
    reports = kent_store.run("MATCH (r:Report) RETURN count(r) AS n")[0]["n"]
    assert len(written) == reports > 20
    for suffix in ("html", "md"):
        files = {p.name for p in (tmp_path / "all").glob(f"*.{suffix}")} - {f"index.{suffix}"}
        index = (tmp_path / "all" / f"index.{suffix}").read_text(encoding="utf-8")
        pattern = r"href='([^']+)'" if suffix == "html" else r"\]\(([^)]+)\)"
        assert set(re.findall(pattern, index)) == files and len(files) == reports


def test_the_cli_writes_the_hmic_reports_dossier_that_reads_offline_in_a_browser(graphs, tmp_path):
    env = store_env(kent(graphs, "embedded")[1])
    out = tmp_path / "dossier.html"
    done = cli("dossier", HMIC_REPORT, "--out", str(out), env=env)
    stdout, stderr = done.communicate(timeout=120)
    assert done.returncode == 0, stderr
    assert stdout.startswith(f"{out}: Crime Data Integrity: 1 question at 1 meeting")
    page = Page(tmp_path)
    try:
        page.open(out, settle="true")
        summary = page.evaluate("document.getElementById('summary').textContent")
        assert stdout.strip().endswith(summary) and "Published by HMIC" in page.evaluate("document.body.innerText")
        links = page.evaluate("[...document.querySelectorAll('a')].map(a => a.href)")
        assert links and all(u.startswith("https://democracy.kent.gov.uk/") for u in links)
        assert page.evaluate("document.querySelectorAll('svg circle').length") == 4  # 3 kinds in 2017, answers in 2018
        assert page.requests() == [out.as_uri()]
    finally:
        page.close()
    refused = cli("dossier", "plan", "--out", str(tmp_path / "x.html"), env=env)
    _, stderr = refused.communicate(timeout=120)
    assert refused.returncode == 1 and stderr.startswith("Error: 'plan' matches 8 reports or findings")
    assert len(stderr.strip().splitlines()) == 1


@pytest.fixture(scope="module")
def api(graphs):
    store, settings = kent(graphs, "embedded")
    server, thread, url = serve_app(create_app(settings, store=store))
    try:
        with httpx.Client(base_url=url, timeout=60) as client:
            yield client
    finally:
        server.should_exit = True
        thread.join(timeout=30)


def test_the_api_serves_the_dossier_as_a_page_or_markdown_and_404s_an_unknown_key(api, crime_plan):
    page = api.get("/dossiers/crime plan", params={"as_of": KENT_AS_OF})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "script-src" not in page.headers["content-security-policy"] and page.text == dossier_html.render(crime_plan)
    md = api.get("/dossiers/crime plan", params={"as_of": KENT_AS_OF}, headers={"Accept": "text/markdown"})
    assert md.headers["content-type"].startswith("text/markdown") and md.text == dossier_md.render(crime_plan)
    record = api.get("/dossiers/crime plan", params={"as_of": KENT_AS_OF, "format": "json"}).json()
    assert record == json.loads(json.dumps(dataclasses.asdict(crime_plan)))
    missing = api.get("/dossiers/no such report")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"
    assert set(missing.json()) == {"error"} and set(missing.json()["error"]) == {"code", "message"}


def test_the_readme_shows_the_kent_dossier_as_the_cli_writes_it(crime_plan, kent_store):
    """The README's excerpt is real output: its lines are lines of the Markdown dossier."""
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    excerpt = readme.split("\n## Dossier", 1)[1].split("```markdown\n", 1)[1].split("```", 1)[0]
    written = dossier_md.render(dossier.gather(kent_store, HMIC_REPORT, as_of=KENT_AS_OF)).splitlines()
    lines = [line for line in excerpt.splitlines() if line.strip() and line != "..."]
    assert lines and all(line in written for line in lines)
