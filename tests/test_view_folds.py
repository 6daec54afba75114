"""Big views stay readable: each meeting's events folded into one node a click opens, bodies
grouped on asking, in the real browser (Debian's headless Chromium), offline, the same on
every load; and what viz/folds.py decides, without a browser."""

from __future__ import annotations

import io
import json

import pytest
from PIL import Image

from scrutiny.api.app import create_app
from scrutiny.graph.model import Graph
from scrutiny.viz import folds
from scrutiny.viz.network import write_view
from scrutiny.viz.views import query_view
from tests.browser import Page
from tests.conftest import bundled, kent, serve_app

DRAWN = "window.scrutinyNetwork.body.nodeIndices"
SHUT = f"{DRAWN}.filter(id => window.scrutinyNetwork.isCluster(id))"


@pytest.fixture
def page(tmp_path):
    p = Page(tmp_path)
    yield p
    p.close()


@pytest.fixture(scope="module")
def kent_all(graphs, tmp_path_factory):
    """Every Kent chain (nine meetings, over ``FOLD_OVER`` nodes), drawn twice into two files."""
    store = kent(graphs, "embedded")[0]
    g, heading, left_out = query_view(store, "accountability-chains", {"body": "kent"}, 500, 1000)
    folder = tmp_path_factory.mktemp("kent-all")
    return g, [write_view(g, heading, folder / f"all-{n}.html", left_out) for n in (1, 2)]


def _on_screen(page: Page, node: str) -> dict:
    return page.evaluate(f"""(() => {{ const net = window.scrutinyNetwork;
        const box = net.canvas.frame.getBoundingClientRect();
        const p = net.canvasToDOM(net.getPositions([{node!r}])[{node!r}]);
        return {{x: p.x + box.left, y: p.y + box.top}}; }})()""")


def _click(page: Page, at: dict) -> None:
    for kind in ("mousePressed", "mouseReleased"):
        page.call("Input.dispatchMouseEvent", type=kind, x=at["x"], y=at["y"], button="left", clickCount=1)


def test_a_big_view_opens_with_each_meeting_folded_into_one_node_drawn_in_its_colour(kent_all, page):
    g, (html, _) = kent_all
    meetings = folds.folds(g)["meetings"]
    assert len(g.nodes) > folds.FOLD_OVER and len(meetings) == 9
    page.open(html)
    shut = page.evaluate(SHUT)
    assert sorted(shut) == sorted(m["id"] for m in meetings)
    assert page.evaluate(f"{DRAWN}.length") == len(g.nodes) - sum(m["holds"] for m in meetings) + len(meetings)
    first = meetings[0]  # the earliest meeting: the view opens at the top, where it sits
    at = _on_screen(page, first["id"])
    pixel = Image.open(io.BytesIO(page.png())).convert("RGB").getpixel((round(at["x"]), round(at["y"])))
    assert pixel == tuple(int(first["color"][i:i + 2], 16) for i in (1, 3, 5))
    assert page.requests() == [html.as_uri()]


def test_clicking_a_folded_meeting_opens_it_into_its_events_in_their_precomputed_places(kent_all, page):
    g, (html, _) = kent_all
    fold = folds.folds(g)
    meeting = fold["meetings"][0]
    held = sorted(f"{n.label}/{n.key}" for n in g.nodes.values() if folds.meeting_fold(n) == meeting["id"])
    page.open(html)
    before = page.evaluate(f"{DRAWN}.length")
    _click(page, _on_screen(page, meeting["id"]))
    assert page.evaluate(f"{DRAWN}.length") == before - 1 + meeting["holds"] == before - 1 + len(held)
    assert meeting["id"] not in page.evaluate(SHUT) and len(page.evaluate(SHUT)) == 8
    placed = page.evaluate(f"window.scrutinyNetwork.getPositions({json.dumps(held)})")
    want = fold["layouts"][meeting["id"]]
    assert {n: [p["x"], p["y"]] for n, p in placed.items()} == {n: [round(want[n][0]), round(want[n][1])] for n in held}
    assert page.requests() == [html.as_uri()]


def test_a_folded_view_draws_the_same_twice_and_opens_the_same_way(kent_all, page):
    g, (first, second) = kent_all
    meeting = folds.folds(g)["meetings"][3]["id"]
    seen = []
    for html in (first, second):
        page.open(html)
        folded = page.evaluate("JSON.stringify(window.scrutinyNetwork.getPositions())")
        page.evaluate(f"window.scrutinyView.openFold({meeting!r}); true")
        seen.append((folded, page.evaluate("JSON.stringify(window.scrutinyNetwork.getPositions())")))
    assert seen[0] == seen[1] and seen[0][0] != seen[0][1]
    assert page.requests() == sorted([first.as_uri(), second.as_uri()])


def test_a_search_opens_the_meeting_that_holds_what_it_found(kent_all, page):
    g, (html, _) = kent_all
    target = next(n for n in g.nodes.values() if n.label == "Commitment" and n.props.get("status") == "fulfilled")
    word = max(target.props["quote"].split(), key=len).lower()
    node = f"Commitment/{target.key}"
    page.open(html)
    assert node not in page.evaluate(DRAWN)
    page.evaluate(f"const f = document.getElementById('find'); f.value = {word!r}; "
                  "f.dispatchEvent(new Event('input')); true")
    assert node in page.evaluate(DRAWN) and node in page.evaluate("window.scrutinyNetwork.getSelectedNodes()")


def test_open_all_draws_every_node_in_its_chain_place_and_fold_meetings_folds_them_again(kent_all, page):
    g, (html, _) = kent_all
    page.open(html)
    page.evaluate("document.getElementById('open-all').click(); true")
    assert page.evaluate(f"{DRAWN}.length") == len(g.nodes) and page.evaluate(SHUT) == []
    chain = page.evaluate("JSON.stringify(window.scrutinyNetwork.body.data.nodes.get().map(n => [n.id, n.x, n.y]))")
    placed = page.evaluate("window.scrutinyNetwork.getPositions()")
    assert all([placed[n]["x"], placed[n]["y"]] == [round(x), round(y)] for n, x, y in json.loads(chain))
    page.evaluate("document.getElementById('fold-meetings').click(); true")
    assert len(page.evaluate(SHUT)) == 9


def test_a_small_view_stays_unfolded_and_a_single_event_meeting_is_never_folded(graphs):
    store = kent(graphs, "embedded")[0]
    g, _, _ = query_view(store, "accountability-chains", {"body": "kent", "since": "2017-11-01"}, 500, 1000)
    assert len(g.nodes) <= folds.FOLD_OVER and not folds.folds(g)["folded"]
    assert folds.folds(g, fold=True)["folded"]
    held = [folds.meeting_fold(n) for n in g.nodes.values() if folds.meeting_fold(n)]
    assert {m["id"] for m in folds.folds(g)["meetings"]} == {f for f in held if held.count(f) > 1}


def test_each_folded_layout_places_every_node_drawn_in_it_and_nothing_folded_away(kent_all):
    g, _ = kent_all
    fold = folds.folds(g)
    ids = {m["id"] for m in fold["meetings"]}
    for opened, placed in fold["layouts"].items():
        away = {f"{n.label}/{n.key}" for n in g.nodes.values() if folds.meeting_fold(n) in ids - {opened}}
        drawn = {f"{n.label}/{n.key}" for n in g.nodes.values()} - away | (ids - {opened})
        assert set(placed) == drawn
        assert len({tuple(p) for p in placed.values()}) == len(placed)  # no two nodes on one spot


def test_grouping_by_body_draws_one_node_per_body_and_a_click_opens_one(graphs, tmp_path, page):
    store = bundled(graphs, "embedded")[0]  # the bundled minutes: five bodies' meetings
    g, heading, left_out = query_view(store, "accountability-chains", {}, 500, 1000)
    fold = folds.folds(g)
    assert len(fold["bodies"]) >= 2
    page.open(write_view(g, heading, tmp_path / "bodies.html", left_out))
    page.evaluate("document.getElementById('group-bodies').click(); true")
    assert {b["id"] for b in fold["bodies"]} <= set(page.evaluate(SHUT))
    body = max(fold["bodies"], key=lambda b: b["holds"])
    meetings = {m["id"]: m for m in fold["meetings"]}
    shown = {folds.meeting_fold(n) if folds.meeting_fold(n) in meetings else f"{n.label}/{n.key}"
             for n in g.nodes.values() if folds.body_group(n) == body["id"]}
    before = page.evaluate(f"{DRAWN}.length")
    _click(page, _on_screen(page, body["id"]))
    assert page.evaluate(f"{DRAWN}.length") == before - 1 + len(shown)
    assert shown <= set(page.evaluate(DRAWN))


def test_a_capped_view_says_how_many_it_left_out_and_how_to_see_them(graphs, tmp_path, page):
    store = kent(graphs, "embedded")[0]
    g, heading, left_out = query_view(store, "accountability-chains", {"body": "kent"}, 40, 1000)
    assert len(g.nodes) == 40 and left_out > 0
    page.open(write_view(g, heading, tmp_path / "capped.html", left_out))
    note = page.evaluate("document.querySelector('.note').textContent")
    assert f"Showing 40 nodes; {left_out} more were reached and left out, the least connected first" in note
    assert "--max-nodes" in note and "max_nodes=" in note


@pytest.mark.parametrize("layout", ["spring", "physics"])
def test_a_folded_view_in_another_layout_opens_its_meetings_where_they_were(kent_all, tmp_path, page, layout):
    g, _ = kent_all
    fold = folds.folds(g, chain=False)
    assert fold["layouts"] == {}  # only the chain layout is computed per state
    page.open(write_view(g, "Kent", tmp_path / f"{layout}.html", layout=layout, fold=True))
    assert len(page.evaluate(SHUT)) == len(fold["meetings"])
    meeting = fold["meetings"][0]
    before = page.evaluate(f"{DRAWN}.length")
    page.evaluate(f"window.scrutinyView.openFold({meeting['id']!r}); true")
    assert page.evaluate(f"{DRAWN}.length") == before - 1 + meeting["holds"]
    placed = page.evaluate("Object.values(window.scrutinyNetwork.getPositions()).flatMap(p => [p.x, p.y])")
    assert placed and all(isinstance(v, int | float) for v in placed)  # no NaN: JSON would give None


def test_a_folded_meetings_hostile_body_name_shows_literally_and_runs_nothing(tmp_path, page):
    hostile = "<img src=x onerror=\"window.pwned = 1; alert(1)\"><script>window.pwned = 2</script> Panel"
    g = Graph()
    for n, label in enumerate(("Question", "Commitment")):
        g.add_node(label, f"hostile#{n}", doc="sha256:hostile", quote=f"{hostile} said {n}", start=n, end=n + 1,
                   meeting_date="2024-03-03", meeting_key="hostile|2024-03-03", body=hostile)
    html = write_view(g, "Hostile", tmp_path / "hostile.html", fold=True)
    page.open(html)
    fold = folds.meeting_fold(next(iter(g.nodes.values())))
    assert page.evaluate(SHUT) == [fold]
    label = page.evaluate(f"window.scrutinyNetwork.body.nodes[{fold!r}].options.label")
    assert "<img src=x onerror=" in label  # the body's name as the minutes give it, drawn as text
    page.evaluate(f"window.scrutinyNetwork.body.emitter.emit('click', {{nodes: [{fold!r}], edges: []}}); true")
    assert page.evaluate(f"{DRAWN}.length") == 2
    assert page.evaluate("document.querySelectorAll('img, body script[src]').length") == 0
    assert page.evaluate("typeof window.pwned") == "undefined" and page.dialogs() == []
    assert page.requests() == [html.as_uri()]


@pytest.fixture(scope="module")
def api_url(graphs):
    store, settings = kent(graphs, "embedded")
    server, thread, url = serve_app(create_app(settings, store=store))
    yield url
    server.should_exit = True
    thread.join(timeout=30)


def test_a_served_view_folds_when_big_unless_asked_not_to(api_url, page):
    view = f"{api_url}/views/query/accountability-chains?body=kent"
    page.open(view)
    assert len(page.evaluate(SHUT)) == 9
    page.open(view + "&fold=false")
    assert page.evaluate(SHUT) == [] and page.evaluate(f"{DRAWN}.length") > folds.FOLD_OVER
    page.open(view + "&since=2017-11-01&fold=true")
    assert len(page.evaluate(SHUT)) == 5
