"""Network views in a real browser (Debian's headless Chromium), drawn from each store
(embedded and Neo4j): they draw, offline, and a document's text can never run as code in them."""

from __future__ import annotations

import io
import time

import pytest
from PIL import Image

from scrutiny.loaders.pipeline import load_paths
from scrutiny.viz.network import write_view
from scrutiny.viz.views import entity_view, query_view
from tests.browser import Page, screenshot

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
