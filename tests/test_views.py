"""Network views in a real browser (Debian's headless Chromium), drawn from each store
(embedded and Neo4j): they draw, offline, and a document's text can never run as code in them."""

from __future__ import annotations

import copy
import io
import itertools
import json
import math
import re
import time
from collections import Counter

import pytest
from PIL import Image

from scrutiny.graph.catalog import CATALOG
from scrutiny.loaders.pipeline import load_paths
from scrutiny.viz.network import write_view
from scrutiny.viz.styles import STATUS_COLOUR
from scrutiny.viz.views import entity_view, least_connected_out, query_view
from tests.browser import Page, screenshot
from tests.conftest import kent

HOSTILE = """Hostile Police and Crime Panel

Minutes of the meeting held on 3 March 2024

Councillor Boyes asked about the ‘<script>window.pwned = 1; alert(1)</script> Review’ and the href of the page.
The Chief Constable agreed to provide a report on <img src=x onerror="window.pwned = 2; alert(2)"> \
href="javascript:alert(3)" at the next meeting.
"""


@pytest.fixture
def page(tmp_path):
    p = Page(tmp_path)
    yield p
    p.close()


def _non_background_share(png: bytes, top: int = 130) -> float:
    image = Image.open(io.BytesIO(png)).convert("RGB")
    canvas = image.crop((0, top, image.width, image.height))
    pixels = list(canvas.get_flattened_data()) if hasattr(canvas, "get_flattened_data") else list(canvas.getdata())
    return sum(1 for p in pixels if sum(p) < 720) / len(pixels)


def test_a_view_of_the_bundled_minutes_draws_offline(sample_store, tmp_path, page):
    g, heading, left_out = query_view(sample_store, "accountability-chains", {}, 500, 1000)
    html = write_view(g, heading, tmp_path / "chains.html", left_out)
    shot = screenshot(html, tmp_path / "chains.png")
    assert _non_background_share(shot.read_bytes()) > 0.01, "the canvas is blank"
    page.open(html)
    assert page.evaluate("window.scrutinyNetwork.body.data.nodes.length") == len(g.nodes) > 20
    assert page.evaluate("document.querySelectorAll('script[src], link[href]').length") == 0
    assert _non_background_share(page.png()) > 0.01
    assert page.requests() == [html.as_uri()]


def test_text_from_a_document_shows_literally_and_runs_nothing(tmp_path, store, settings, page):
    doc = tmp_path / "hostile.txt"
    doc.write_text(HOSTILE)
    assert load_paths(store, [doc], settings).loaded == [str(doc)]
    g, _, left_out = entity_view(store, "Boyes", 2, 500)
    heading = "Around <script>window.pwned = 3</script><img src=x onerror=alert(4)> href"
    html = write_view(g, heading, tmp_path / "hostile.html", left_out)
    page.open(html)
    assert page.evaluate("document.querySelector('h1').textContent") == heading
    assert page.evaluate("document.title") == heading
    quotes = page.evaluate("window.scrutinyNetwork.body.data.nodes.get().map(n => n.quote).join(' ')")
    assert "<img src=x onerror=" in quotes and "<script>window.pwned = 1" in quotes
    # click each node that carries hostile text: its details appear as text
    ids = page.evaluate("window.scrutinyNetwork.body.data.nodes.get()"
                        ".filter(n => /<(img|script)/.test(n.quote + n.label)).map(n => n.id)")
    assert ids
    for node in ids:
        page.evaluate(f"window.scrutinyNetwork.body.emitter.emit('click', {{nodes: [{node!r}], edges: []}}); true")
        assert "<" in page.evaluate("document.getElementById('panel').textContent")
        injected = "document.querySelectorAll('#panel script, #panel img, img, body script[src]').length"
        assert page.evaluate(injected) == 0
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert page.dialogs() == []


def test_a_view_submits_no_form_and_takes_no_base_url(sample_store, tmp_path, page):
    """Defence in depth past escaping: were markup ever injected, the page's policy refuses
    to submit a form anywhere or to rebase its links, and the page stays where it is."""
    g, heading, left_out = query_view(sample_store, "accountability-chains", {}, 50, 1000)
    html = write_view(g, heading, tmp_path / "policy.html", left_out)
    page.open(html)
    page.evaluate("""window.violations = [];
        document.addEventListener('securitypolicyviolation', e => window.violations.push(e.effectiveDirective));
        const base = document.createElement('base'); base.href = 'https://example.invalid/';
        document.head.appendChild(base);
        const form = document.createElement('form'); form.action = 'https://example.invalid/steal';
        form.method = 'post'; document.body.appendChild(form); form.submit(); true""")
    time.sleep(1)  # let a navigation start, were one allowed
    assert sorted(set(page.evaluate("window.violations"))) == ["base-uri", "form-action"]
    assert page.evaluate("location.href") == html.as_uri() and page.requests() == [html.as_uri()]


# -- what a reader sees: the Kent meetings' chains ------------------------------------

#: Machado, Oliveira and Fernandes (2009): full deuteranopia, on linear RGB.
DEUTERANOPIA = ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413), (-0.011820, 0.042940, 0.968881))
EVENT_LABEL = r"^\d{1,2} [A-Z][a-z]{2} \d{4}:\s\S"


@pytest.fixture(scope="module")
def kent_chains(graphs, tmp_path_factory):
    """The Kent panel's chains since November 2017, drawn twice into two files."""
    store = kent(graphs, "embedded")[0]
    since = {"body": "kent", "since": "2017-11-01"}
    g, heading, left_out = query_view(store, "accountability-chains", since, 500, 1000)
    folder = tmp_path_factory.mktemp("kent-view")
    return g, [write_view(g, heading, folder / f"kent-{n}.html", left_out) for n in (1, 2)]


def _lab(rgb: tuple[float, float, float]) -> tuple[float, float, float]:
    """CIE L*a*b* (D65) of linear RGB."""
    x, y, z = (sum(c * v for c, v in zip(row, rgb, strict=True)) for row in (
        (0.4124, 0.3576, 0.1805), (0.2126, 0.7152, 0.0722), (0.0193, 0.1192, 0.9505)))
    f = [t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116 for t in (x / 0.95047, y, z / 1.08883)]
    return 116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])


def _seen_with_deuteranopia(colour: str) -> tuple[float, float, float]:
    srgb = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in srgb]
    return _lab(tuple(min(1.0, max(0.0, sum(m * c for m, c in zip(row, linear, strict=True)))) for row in DEUTERANOPIA))


def test_status_colours_stay_apart_for_a_reader_with_deuteranopia():
    seen = {status: _seen_with_deuteranopia(colour) for status, colour in STATUS_COLOUR.items()}
    gaps = {(a, b): math.dist(seen[a], seen[b]) for a, b in itertools.combinations(seen, 2)}
    assert min(gaps.values()) > 25, gaps  # CIE76 delta E: 2.3 is just noticeable
    kinds = {s.facts.colour.upper() for s in CATALOG.shown()}
    assert not kinds & {c.upper() for c in STATUS_COLOUR.values()}, "a kind looks like a status"


def test_a_kent_view_names_people_offices_and_events_and_draws_the_same_twice(kent_chains, page):
    g, (first, second) = kent_chains
    page.open(first)
    nodes = page.evaluate("window.scrutinyNetwork.body.data.nodes.get()")
    by_kind = {}
    for n in nodes:
        by_kind.setdefault(n["kind"], []).append(" ".join(n["label"].split()))  # lines wrapped
    assert all(re.match(EVENT_LABEL, label) for kind in ("commitment", "question", "answer") for label in by_kind[kind])
    assert {"PCC, Kent and Medway", "Chairman, Kent and Medway"} <= set(by_kind["office"])
    assert "Crime Plan" in by_kind["report"]
    assert not {n["label"] for n in nodes} & {"Commitment", "Question", "Resolution", "Police and Crime Commissioner"}
    words = set(page.evaluate("window.scrutinyNetwork.body.data.edges.get().map(e => e.label)"))
    assert {"asked by", "answered by", "owed by", "fulfilled by", "arises from"} <= words
    drawn = {n.props["status"] for n in g.nodes.values() if n.label == "Commitment"}
    legend = page.evaluate("[...document.querySelectorAll('.legend .item')].map(e => e.textContent.trim())")
    statuses = [x for x in legend if x.startswith("★commitment")]
    assert statuses == [f"★commitment {s}" for s in STATUS_COLOUR if s in drawn]
    assert "◆office" in legend and "●person" not in legend  # these Kent chains name no person
    placed = page.evaluate("JSON.stringify(window.scrutinyNetwork.getPositions())")
    page.open(second)
    assert page.evaluate("JSON.stringify(window.scrutinyNetwork.getPositions())") == placed
    assert page.requests() == sorted([first.as_uri(), second.as_uri()])


def test_a_reader_finds_a_commitment_by_its_words_and_opens_its_quote_and_source(kent_chains, page):
    g, (html, _) = kent_chains
    target = next(n for n in g.nodes.values() if n.label == "Commitment" and n.props.get("status") == "fulfilled")
    word = max(target.props["quote"].split(), key=len)
    page.open(html)
    page.evaluate(f"const f = document.getElementById('find'); f.value = {word.lower()!r}; "
                  "f.dispatchEvent(new Event('input')); true")
    node = f"Commitment/{target.key}"
    assert node in page.evaluate("window.scrutinyNetwork.getSelectedNodes()")
    page.evaluate(f"window.scrutinyNetwork.body.emitter.emit('click', {{nodes: [{node!r}], edges: []}}); true")
    assert page.evaluate("document.querySelector('#panel blockquote').textContent") == target.props["quote"]
    assert page.evaluate("document.querySelector('#panel a').href") == target.props["source"]


def test_a_tooltip_wraps_and_stays_inside_the_window(kent_chains, page):
    _, (html, _) = kent_chains
    page.open(html)
    # the rightmost node with a quote, hovered with the real mouse
    spot = page.evaluate("""(() => { const net = window.scrutinyNetwork, box = net.canvas.frame.getBoundingClientRect();
        const shown = net.body.data.nodes.get().filter(n => n.quote)
            .map(n => [n.id, net.canvasToDOM(net.getPositions([n.id])[n.id])])
            .filter(([, p]) => p.x > 0 && p.x < box.width && p.y > 0 && p.y < box.height)
            .sort((a, b) => b[1].x - a[1].x);
        return {x: shown[0][1].x + box.left, y: shown[0][1].y + box.top}; })()""")
    for _ in range(3):
        page.call("Input.dispatchMouseEvent", type="mouseMoved", x=spot["x"], y=spot["y"])
        time.sleep(0.4)
    box = page.evaluate("JSON.stringify((t => t && t.style.visibility !== 'hidden' && "
                        "[t.getBoundingClientRect().left, t.getBoundingClientRect().right, t.offsetHeight, innerWidth])"
                        "(document.querySelector('div.vis-tooltip')))")
    left, right, height, width = json.loads(box)
    assert 0 <= left and right <= width and height > 40  # several lines, inside the window


def test_a_capped_view_leaves_out_the_least_connected_first(graphs):
    store = kent(graphs, "embedded")[0]
    whole, _, _ = query_view(store, "accountability-chains", {"body": "kent"}, 2000, 1000)
    degree = Counter(end for e in whole.edges.values() for end in (e.source, e.target))
    cut = copy.deepcopy(whole)
    assert least_connected_out(cut, 40) == len(whole.nodes) - 40 > 0
    kept, dropped = set(cut.nodes), set(whole.nodes) - set(cut.nodes)
    assert max(degree[r] for r in dropped) <= min(degree[r] for r in kept)
    assert all(e.source in kept and e.target in kept for e in cut.edges.values())
    capped, _, left_out = query_view(store, "accountability-chains", {"body": "kent"}, 40, 1000)
    assert len(capped.nodes) == 40 and left_out >= 40  # the page says how many, and --max-nodes
