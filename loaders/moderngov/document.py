"""One meeting as a document for ``scrutiny load``: the minutes HTML, or its printed PDF.

Each agenda item becomes a number paragraph and a title heading, the shape
the segmenter reads as an item.  A restricted item keeps its heading and says
it was not published, so the gap shows in the graph instead of vanishing.
"""

from __future__ import annotations

import datetime as dt
import html
from urllib.parse import urljoin, urlsplit

from scrutiny.loaders.extract.segment import ITEM_NUMBER
from scrutiny.loaders.moderngov.service import LinkedDoc, ListedItem, ListedMeeting

NOT_PUBLISHED = "Not published: this item was taken in private (restricted)."
NO_TEXT = "No minute text was published for this item."


def meeting_url(site: str, committee_id: str, meeting_id: str) -> str:
    return f"{site}/ieListDocuments.aspx?CId={committee_id}&MId={meeting_id}"


def _number(item: ListedItem, position: int) -> str:
    """The minute number when the segmenter can read it, else the agenda number, else the
    item's position."""
    for number in item.numbers:
        if ITEM_NUMBER.match(number):
            return number.rstrip(".")
    return str(position)


def _item_html(item: ListedItem, position: int) -> str:
    head = (f"<p>{html.escape(_number(item, position))}</p>\n"
            f"<h2>{html.escape(item.title or 'Untitled item')}</h2>\n")
    if item.restricted:
        return head + f"<p>{NOT_PUBLISHED}</p>\n"
    if item.minutes_html:
        return head + f"<div class=\"minutes\">\n{item.minutes_html}\n</div>\n"
    return head + f"<p>{NO_TEXT}</p>\n"


def _long_date(iso: str | None) -> str:
    if not iso:
        return "date not given"
    day = dt.date.fromisoformat(iso)
    return f"{day:%A}, {day.day} {day:%B %Y}"


def minutes_html(body: str, meeting: ListedMeeting, url: str) -> str | None:
    """The meeting's minutes as one HTML page; None when no item has published text."""
    if not meeting.has_item_minutes:
        return None
    title = html.escape(f"Minutes of {body}, {_long_date(meeting.date)}")
    items = "".join(_item_html(item, n) for n, item in enumerate(meeting.items, 1))
    return ("<!doctype html>\n<html><head><meta charset=\"utf-8\">"
            f"<title>{title}</title></head>\n<body>\n<h1>{title}</h1>\n"
            f"<p>Source: {html.escape(url)}</p>\n{items}</body></html>\n")


def printed_minutes(meeting: ListedMeeting, site: str) -> LinkedDoc | None:
    """The meeting's own printed minutes among its linked documents.

    ListedMeeting-level documents come first.  An item's "minutes" attachment is
    usually the *previous* meeting's minutes, up for approval, so at item
    level only a title saying "printed minutes" counts.
    """
    candidates = [d for d in meeting.docs if "printed minutes" in d.title.lower()]
    candidates += [d for d in meeting.docs if "minutes" in d.title.lower()]
    candidates += [d for item in meeting.items for d in item.docs
                   if "printed minutes" in d.title.lower()]
    for doc in candidates:
        url = urljoin(site + "/", doc.url)
        if not doc.restricted and same_site(url, site):
            return LinkedDoc(doc.title, url, False)
    return None


def same_site(url: str, site: str) -> bool:
    """Only the site's own host is fetched: a link elsewhere is not followed."""
    a, b = urlsplit(url), urlsplit(site)
    return a.scheme in ("http", "https") and a.netloc.lower() == b.netloc.lower()


def restricted_count(meeting: ListedMeeting) -> int:
    return sum(1 for item in meeting.items if item.restricted)
