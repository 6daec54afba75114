"""Linking time for one body of 10, 50, 200 and 800 meetings (``status.follow_up`` alone, pure).

The body is the nine bundled Kent meetings (examples/kent-pcp-2017-18), loaded once into
an embedded store and read back as the linker reads them; copy k of them is held two
years after copy k-1 (dates in the records and years in the text shifted alike, so
"Minutes of the Panel held on 28 March 2019" reviews copy 1's March meeting), every key
and document made unique per copy.  Linking should grow with the body's text, so the
800/200 ratio should stay near 4 (at most 5: linear plus a little).
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import replace
from pathlib import Path

from common import ROOT, arguments, median, print_table, spread, timed

from scrutiny.graph.stores.embedded import EmbeddedStore
from scrutiny.loaders.link.status import follow_up
from scrutiny.loaders.link.store import BodyRecords, body_records
from scrutiny.loaders.pipeline import expand, load_paths
from scrutiny.settings import Settings

KENT = ROOT / "examples" / "kent-pcp-2017-18"
SIZES = (10, 50, 200, 800)
YEARS_PER_COPY = 2
YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def kent_records() -> BodyRecords:
    """The Kent body's records, as ``store.body_records`` reads them after a load."""
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(data_dir=Path(tmp) / "data")
        store = EmbeddedStore(settings.data_dir)
        store.ensure_schema()
        try:
            load_paths(store, expand([str(KENT)]), settings, today="2018-09-27")
            (body,) = [r["key"] for r in store.run("MATCH (b:Body)<-[:HELD_BY]-(:Meeting) "
                                                   "RETURN DISTINCT b.key AS key")]
            return body_records(store, body)
        finally:
            store.close()


def shifted(text: str | None, years: int) -> str | None:
    """Years moved on (always four digits, so every offset into the text stays right)."""
    return text if text is None or not years else YEAR.sub(lambda m: str(int(m[0]) + years), text)


def body_of(kent: BodyRecords, meetings: int) -> BodyRecords:
    """``meetings`` meetings of one body: the nine Kent meetings again and again, later each time."""
    dates = kent.meetings
    chosen = [(k, dates[n % len(dates)]) for k, n in ((n // len(dates), n) for n in range(meetings))]
    copies = {k: {d for kk, d in chosen if kk == k} for k, _ in chosen}
    out = BodyRecords([], [], [], [])
    for k, wanted in copies.items():
        y = k * YEARS_PER_COPY

        def mine(record, wanted=wanted):
            return record.meeting_date in wanted

        def moved(record, fields, y=y, k=k):
            changes = {f: shifted(getattr(record, f), y) for f in fields}
            return replace(record, key=f"{record.key}~{k}", doc=f"{record.doc}~{k}", **changes)

        out.meetings.extend(shifted(d, y) for d in sorted(wanted))
        out.commitments.extend(moved(c, ("meeting_date", "quote", "due")) for c in kent.commitments if mine(c))
        out.updates.extend(moved(u, ("meeting_date", "quote", "refers_to_date")) for u in kent.updates if mine(u))
        out.items.extend(moved(i, ("meeting_date", "title", "text")) for i in kent.items if mine(i))
    return out


def main() -> None:
    args = arguments(__doc__)
    kent = kent_records()
    sizes = SIZES if args.full else SIZES[:3]
    rows, medians = [], {}
    for n in sizes:
        body = body_of(kent, n)
        today = body.meetings[-1]
        runs = args.runs

        def link(body=body, today=today):
            return follow_up(body.commitments, body.items, body.updates, body.meetings, today)

        samples = timed(link, runs)
        medians[n] = median(samples)
        rows.append([n, len(body.commitments), f"{sum(len(i.text) for i in body.items) / 1e6:.2f}",
                     f"{medians[n]:.3f}", spread(samples), f"{medians[n] / n * 1000:.1f}"])
    print_table("Linking one body (status.follow_up)", ["meetings", "commitments", "text MB", "link s",
                                                         "spread s", "ms / meeting"], rows)
    if 800 in medians and 200 in medians:
        print(f"800/200 ratio: {medians[800] / medians[200]:.2f} (linear: 4)")


if __name__ == "__main__":
    main()
