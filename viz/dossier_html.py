"""A dossier as one self-contained HTML page: offline, escaped, no script, a timeline in SVG.

Every piece of text goes through ``html.escape``; links are made only to web addresses;
the page's policy (``POLICY``) allows inline styles and nothing else: no script runs,
nothing is fetched, no form is sent, no ``<base>`` rewrites its links.
"""

from __future__ import annotations

from html import escape

from scrutiny.graph.dossier_records import Dossier, Part, Promise, Source, Statement, Thread
from scrutiny.viz import dossier_text as say
from scrutiny.viz.dossier_timeline import timeline

#: Stricter than the network views' policy (``viz.network.CSP``): a dossier runs no script.
POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'"
POLICY_HEADER = f"{POLICY}; frame-ancestors 'none'"
STYLE = """body{font-family:Georgia,serif;max-width:52em;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}
h1{font-size:1.6em}h2{margin-top:2em;border-bottom:1px solid #ccc}h3{font-size:1em;color:#555;margin:1.4em 0 .4em}
.summary{font-weight:bold;font-size:1.1em}.kind{font-weight:bold}.note{color:#666;font-size:.9em}
ul{padding-left:1.2em}li{margin:.35em 0}blockquote{margin:.2em 0 .2em 1em;color:#333}
.fulfilled{color:#2a7a2a}.overdue{color:#c0392b}.open{color:#a06000}.superseded{color:#777}
.cite{font-size:.85em;color:#555}svg{max-width:100%;height:auto}"""


def text(value: object) -> str:
    return escape(say.words(str(value)))


def link(source: Source | None, label: str = "minutes") -> str:
    if source is None or not source.document:
        return "source not recorded"
    if source.url:
        return f'<a href="{escape(source.url, quote=True)}" rel="noreferrer">{escape(label)}</a>'
    return f"{escape(label)}: {text(source.document)}"


def quoted(s: Statement) -> str:
    return (f"“{text(s.quote)}” <span class='cite'>({link(s.source)}, "
            f"characters {s.start}–{s.end})</span>")


def render(d: Dossier) -> str:
    title = text(say.heading(d))
    head = (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
            f"<meta http-equiv='Content-Security-Policy' content=\"{POLICY}\">"
            f"<meta name='referrer' content='no-referrer'><title>{title}</title><style>{STYLE}</style></head>")
    body = [f"<h1>{title}</h1>", f"<p class='summary' id='summary'>{text(d.summary())}</p>",
            f"<p>{text(say.byline(d))}</p>", f"<p>{text(say.clock_line(d.clock))}</p>"]
    if d.clock.quote:
        body.append(f"<blockquote>“{text(d.clock.quote)}”</blockquote>")
    body += [f"<p>{text(say.span_line(d))}</p>", timeline(d), *_mentions(d)]
    body += [html for part in d.parts for html in _part(part)]
    return head + "<body>" + "\n".join(body) + "</body></html>\n"


def _mentions(d: Dossier) -> list[str]:
    if not d.mentions:
        return []
    rows = "".join(f"<li>{text(m.date or 'undated')}, {text(m.body or 'body not named')}"
                   + (f", item {text(m.item)}" if m.item else "") + f" ({link(m)})</li>" for m in d.mentions)
    return ["<h2>Where the minutes name it</h2>", f"<ul class='mentions'>{rows}</ul>"]


def _part(part: Part) -> list[str]:
    what = f"Finding ({part.finding_kind})" if part.kind == "finding" else "The report"
    out = [f"<h2>{text(what)}: {text(part.title)}</h2>"]
    if part.quote:
        out.append(f"<blockquote>“{text(part.quote)}”</blockquote>")
    if not part.threads:
        return [*out, "<p>Nothing said about it in the loaded minutes.</p>"]
    if not all(t.named for t in part.threads):
        out.append(f"<p class='note'>{text(say.BY_ITEM_NOTE)}</p>")
    shown: str | None = None
    items: list[str] = []
    for t in part.threads:
        if say.place(t) != shown:
            if items:
                out.append(f"<ul class='trail'>{''.join(items)}</ul>")
            shown, items = say.place(t), []
            out.append(f"<h3>{text(shown)}</h3>")
        items.append(_thread(t))
    return [*out, f"<ul class='trail'>{''.join(items)}</ul>"]


def _thread(t: Thread) -> str:
    inner = "".join(f"<li class='answer'><span class='kind'>Answer</span>: {text(say.who_line(a))}: "
                    f"{quoted(a)}</li>" for a in t.answers)
    inner += "".join(_promise(p) for p in t.promises)
    if not t.statement:
        return inner
    s = t.statement
    nested = f"<ul>{inner}</ul>" if inner else ""
    return (f"<li class='{escape(s.kind)}'><span class='kind'>{text(say.KIND[s.kind])}</span>"
            f"{' ' + text(say.thread_note(t)) if not t.named else ''}: {text(say.who_line(s))}: "
            f"{quoted(s)}{nested}</li>")


def _promise(p: Promise) -> str:
    s, o = p.statement, p.outcome
    end = text(say.outcome_line(o, p.due_date))
    if o.evidence:
        end += f": “{text(o.evidence)}” <span class='cite'>({link(o.source)})</span>"
    return (f"<li class='commitment'><span class='kind'>Commitment</span>{text(say.due_words(p))}: "
            f"{text(say.who_line(s))}: {quoted(s)}<ul><li class='{escape(o.state)}'>{end}</li></ul></li>")
