"""Linking time for one body of 10, 50, 200 and 800 meetings (``status.follow_up`` alone, pure).

The body is the nine bundled Kent meetings (examples/kent-pcp-2017-18), loaded once into
an embedded store and read back as the linker reads them; copy k of them is held two
years after copy k-1 (dates in the records and years in the text shifted alike, so
"Minutes of the Panel held on 28 March 2019" reviews copy 1's March meeting), every key
and document made unique per copy.  Linking should grow with the body's text, so the
800/200 ratio should stay near 4 (at most 5: linear plus a little).  The default stops at
200 meetings; ``--full`` adds 800.  ``--against REV`` also times that commit's linker on
the same records, in alternating processes, and prints how many times faster this one is.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import asdict, replace
from pathlib import Path
from typing import NamedTuple

from common import ROOT, arguments, median, print_table, spread, timed

KENT = ROOT / "examples" / "kent-pcp-2017-18"
SIZES = (10, 50, 200, 800)
YEARS_PER_COPY = 2
ROUNDS = 2  # alternating processes per build, each timing ``runs`` passes per size
YEAR = re.compile(r"\b(?:19|20)\d\d\b")


class Body(NamedTuple):
    meetings: list[str]
    commitments: list
    updates: list
    items: list


def kent_records(into: Path) -> Path:
    """The Kent body's records as ``store.body_records`` reads them after a load, as JSON."""
    from scrutiny.graph.stores.embedded import EmbeddedStore
    from scrutiny.loaders.link.store import body_records
    from scrutiny.loaders.pipeline import expand, load_paths
    from scrutiny.settings import Settings

    settings = Settings(data_dir=into / "data")
    store = EmbeddedStore(settings.data_dir)
    store.ensure_schema()
    try:
        load_paths(store, expand([str(KENT)]), settings, today="2018-09-27")
        (body,) = [r["key"] for r in store.run("MATCH (b:Body)<-[:HELD_BY]-(:Meeting) RETURN DISTINCT b.key AS key")]
        r = body_records(store, body)
    finally:
        store.close()
    path = into / "kent.json"
    path.write_text(json.dumps({"meetings": r.meetings, "commitments": [asdict(c) for c in r.commitments],
                                "updates": [asdict(u) for u in r.updates], "items": [asdict(i) for i in r.items]}))
    return path


def shifted(text: str | None, years: int) -> str | None:
    """Years moved on (always four digits, so every offset into the text stays right)."""
    return text if text is None or not years else YEAR.sub(lambda m: str(int(m[0]) + years), text)


def body_of(kent: Body, meetings: int) -> Body:
    """``meetings`` meetings of one body: the nine Kent meetings again and again, later each time."""
    out = Body([], [], [], [])
    for n in range(meetings):
        copy, date = n // len(kent.meetings), kent.meetings[n % len(kent.meetings)]
        years = copy * YEARS_PER_COPY

        def moved(record, *fields, copy=copy, years=years):
            return replace(record, key=f"{record.key}~{copy}", doc=f"{record.doc}~{copy}",
                           **{f: shifted(getattr(record, f), years) for f in fields})

        out.meetings.append(shifted(date, years))
        out.commitments.extend(moved(c, "meeting_date", "quote", "due") for c in kent.commitments
                               if c.meeting_date == date)
        out.updates.extend(moved(u, "meeting_date", "quote", "refers_to_date") for u in kent.updates
                           if u.meeting_date == date)
        out.items.extend(moved(i, "meeting_date", "title", "text") for i in kent.items if i.meeting_date == date)
    return out


def child(records: str, sizes: str, runs: str) -> None:
    """In a process of one build: seconds of each run per size, as JSON on stdout."""
    from scrutiny.loaders.link import evidence, status

    raw = json.loads(Path(records).read_text())
    kent = Body(raw["meetings"], [evidence.StoredCommitment(**c) for c in raw["commitments"]],
                [evidence.StoredUpdate(**u) for u in raw["updates"]], [evidence.StoredItem(**i) for i in raw["items"]])
    out = {}
    for n in map(int, sizes.split(",")):
        b = body_of(kent, n)
        out[n] = timed(lambda b=b: status.follow_up(b.commitments, b.items, b.updates, b.meetings, b.meetings[-1]),
                       int(runs))
    print(json.dumps(out))


def timings(records: Path, sizes: tuple[int, ...], runs: int, pythonpath: Path | None) -> dict[int, list[float]]:
    env = dict(os.environ, PYTHONPATH=str(pythonpath)) if pythonpath else dict(os.environ)
    code = f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); import derive; derive.child(*sys.argv[1:])"
    out = subprocess.run([sys.executable, "-c", code, str(records), ",".join(map(str, sizes)), str(runs)],
                         env=env, check=True, capture_output=True, text=True)
    return {int(n): s for n, s in json.loads(out.stdout).items()}


def main() -> None:
    from extract import checkout  # a commit's package tree, as the extraction benchmark makes it

    args = arguments(__doc__, lambda p: p.add_argument(
        "--against", metavar="REV", help="also time this commit's linker, in the same run"))
    sizes = SIZES if args.full else SIZES[:3]
    with tempfile.TemporaryDirectory() as tmp:
        records = kent_records(Path(tmp))
        builds: dict[str, Path | None] = {"this build": None}
        if args.against:
            builds[f"baseline {args.against}"] = checkout(args.against, Path(tmp))
        samples: dict[str, dict[int, list[float]]] = {name: {n: [] for n in sizes} for name in builds}
        try:
            for _ in range(ROUNDS):
                for name, path in builds.items():
                    for n, s in timings(records, sizes, args.runs, path).items():
                        samples[name][n] += s
        finally:
            if args.against:
                subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(Path(tmp) / "tree")],
                               check=False, capture_output=True)
    report(samples, sizes)


def report(samples: dict[str, dict[int, list[float]]], sizes: tuple[int, ...]) -> None:
    rows = [[name, n, f"{median(s[n]):.3f}", spread(s[n]), f"{median(s[n]) / n * 1000:.1f}"]
            for name, s in samples.items() for n in sizes]
    print_table("Linking one body (status.follow_up)", ["build", "meetings", "median s", "spread s",
                                                         "ms / meeting"], rows)
    for name, s in samples.items():
        if 800 in s and 200 in s:
            print(f"{name}: 800/200 ratio {median(s[800]) / median(s[200]):.2f} (linear: 4)")
    base = next((name for name in samples if name != "this build"), None)
    for n in sizes if base else ():
        print(f"{n} meetings: this build {median(samples[base][n]) / median(samples['this build'][n]):.1f}x "
              f"as fast as {base}")


if __name__ == "__main__":
    main()
