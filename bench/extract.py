"""Extraction throughput on text: MB/s and documents/s, one core, median of several runs.

The bundled minutes are replicated (each copy made unique) to 20 MB (--full) or 2 MB.
"""

from __future__ import annotations

from common import EXAMPLES, arguments, median, print_table, spread, timed

from scrutiny.loaders.extract.document import extract
from scrutiny.loaders.records import DocumentText


def corpus(megabytes: float) -> list[DocumentText]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    docs, size, n = [], 0, 0
    while size < megabytes * 1_000_000:
        text = f"{texts[n % len(texts)]}\n\nCopy {n}."
        docs.append(DocumentText(source=f"copy-{n}.txt", format="text", text=text))
        size += len(text.encode("utf-8"))
        n += 1
    return docs


def main() -> None:
    args = arguments(__doc__)
    docs = corpus(20 if args.full else 2)
    megabytes = sum(len(d.text.encode("utf-8")) for d in docs) / 1_000_000
    samples = timed(lambda: [extract(d) for d in docs], args.runs)
    t = median(samples)
    print_table("Extraction (text, one core)", ["corpus MB", "documents", "median s", "spread s", "MB/s", "docs/s"],
                [[f"{megabytes:.1f}", len(docs), f"{t:.2f}", spread(samples), f"{megabytes / t:.2f}",
                  f"{len(docs) / t:.0f}"]])


if __name__ == "__main__":
    main()
