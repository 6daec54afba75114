"""A dossier as Markdown that renders on GitHub, with no markup from a document left live.

Every piece of text from the store goes through ``text``: the characters CommonMark or
GitHub read as markup (``<``, ``&``, ``*``, ``[`` ...) are backslash-escaped, so a title
holding ``<script>`` shows as those characters.  Links are made only to web addresses.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from scrutiny.graph.dossier_records import Dossier, Part, Promise, Source, Statement, Thread
from scrutiny.viz import dossier_text as say

SPECIAL = re.compile(r"([\\`*_\[\]<>!|~&$])")


def text(value: object) -> str:
    """Plain text, one line, every Markdown special character escaped."""
    return SPECIAL.sub(r"\\\1", say.words(str(value)))


def link(source: Source | None, label: str = "minutes") -> str:
    """'[minutes](https://...)' for a web address; the file's name, as text, otherwise."""
    if source is None or not source.document:
        return "source not recorded"
    if source.url:
        return f"[{label}]({quote(source.url, safe=':/?&=%#;,+@!$~*')})"
    return f"{label}: {text(source.document)}"


def quoted(s: Statement) -> str:
    return f"“{text(s.quote)}” ({link(s.source)}, characters {s.start}–{s.end})"


def render(d: Dossier) -> str:
    lines = [f"# {text(say.heading(d))}", "", f"**{text(d.summary())}**", "",
             text(say.byline(d)), "", text(say.clock_line(d.clock)), "", text(say.span_line(d)), ""]
    if d.clock.quote:
        lines += [f"> “{text(d.clock.quote)}”", ""]
    lines += _mentions(d)
    for part in d.parts:
        lines += _part(part)
    return "\n".join(lines).rstrip() + "\n"


def _mentions(d: Dossier) -> list[str]:
    if not d.mentions:
        return []
    rows = [f"- {text(m.date or 'undated')}, {text(m.body or 'body not named')}"
            + (f", item {text(m.item)}" if m.item else "") + f" ({link(m)})" for m in d.mentions]
    return ["## Where the minutes name it", "", *rows, ""]


def _part(part: Part) -> list[str]:
    what = f"Finding ({part.finding_kind})" if part.kind == "finding" else "The report"
    lines = [f"## {text(what)}: {text(part.title)}", ""]
    if part.quote:
        lines += [f"> “{text(part.quote)}”", ""]
    if not part.threads:
        return [*lines, "Nothing said about it in the loaded minutes.", ""]
    if not all(t.named for t in part.threads):
        lines += [text(say.BY_ITEM_NOTE), ""]
    shown = None
    for t in part.threads:
        if say.place(t) != shown:
            shown = say.place(t)
            lines += ["", f"### {text(shown)}", ""]
        lines += _thread(t)
    return [*lines, ""]


def _thread(t: Thread) -> list[str]:
    lines = []
    if t.statement:
        s = t.statement
        note = f" {text(say.thread_note(t))}" if not t.named else ""
        lines.append(f"- **{text(say.KIND[s.kind])}**{note}: "
                     f"{text(say.who_line(s))}: {quoted(s)}")
    lines += [f"  - **Answer**: {text(say.who_line(a))}: {quoted(a)}" for a in t.answers]
    for p in t.promises:
        lines += _promise(p, "  " if t.statement else "")
    return lines


def _promise(p: Promise, indent: str) -> list[str]:
    s = p.statement
    due = text(say.due_words(p))
    lines = [f"{indent}- **Commitment**{due}: {text(say.who_line(s))}: {quoted(s)}"]
    end = text(say.outcome_line(p.outcome, p.due_date))
    if p.outcome.evidence:
        end += f": “{text(p.outcome.evidence)}” ({link(p.outcome.source)})"
    return [*lines, f"{indent}  - {end}"]
