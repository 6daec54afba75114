"""Regenerate the README's pictures of views (``make docs-images``).

Loads the bundled minutes as ``make run`` does into a throwaway store (judged as of the
last Kent meeting, as the tests do, so the pictures do not change with the day), writes
the chains view ``make run`` writes and the Kent panel's since November 2017, and the
dossier ``make run`` writes (its top: the summary, the response clock and the timeline), and
photographs each in Debian's headless Chromium through the tests' own browser driver.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scrutiny.graph import dossier  # noqa: E402
from scrutiny.graph.stores.base import open_store  # noqa: E402
from scrutiny.loaders.pipeline import expand, load_paths  # noqa: E402
from scrutiny.settings import Settings  # noqa: E402
from scrutiny.viz import dossier_html  # noqa: E402
from scrutiny.viz.network import write_view  # noqa: E402
from scrutiny.viz.views import query_view  # noqa: E402
from tests.browser import Page  # noqa: E402
from tests.conftest import KENT, KENT_AS_OF  # noqa: E402

#: picture -> the saved query's parameters
VIEWS = {"accountability-view.png": {}, "kent-view.png": {"body": "kent", "since": "2017-11-01"}}
EXAMPLES = [str(ROOT / "examples" / "minutes"), str(KENT)]
DOSSIER = ("dossier.png", "crime data integrity")  # the report ``make run`` writes the dossier of


def main() -> None:
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as tmp:  # chromium may still be closing
        settings = Settings(data_dir=Path(tmp) / "data")
        store = open_store(settings)
        try:
            load_paths(store, expand(EXAMPLES), settings, today=KENT_AS_OF)
            drawn = {name: query_view(store, "accountability-chains", params, 500, 1000)
                     for name, params in VIEWS.items()}
            report = dossier.gather(store, DOSSIER[1], as_of=KENT_AS_OF)
        finally:
            store.close()
        page = Page(Path(tmp))
        try:
            for name, (g, heading, left_out) in drawn.items():
                page.open(write_view(g, heading, Path(tmp) / f"{name}.html", left_out))
                (ROOT / "docs" / name).write_bytes(page.png())
                print(f"docs/{name}: {len(g.nodes)} nodes, {len(g.edges)} links")
            page_file = Path(tmp) / "dossier.html"
            page_file.write_text(dossier_html.render(report), encoding="utf-8")
            page.open(page_file, settle="true")
            (ROOT / "docs" / DOSSIER[0]).write_bytes(page.png())
            print(f"docs/{DOSSIER[0]}: {report.title}")
        finally:
            page.close()


if __name__ == "__main__":
    main()
