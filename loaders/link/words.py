"""Content words of minutes, and how telling each is within one body's minutes (pure).

Closure is decided by what a later sentence says about the same *thing*, so the
words that matter are the ones naming it: "Community Wardens", "crime data
integrity", "999 and 101".  The vocabulary of minutes themselves (report,
update, Panel, Commissioner, meeting, verbal) names nothing and is dropped, and
the body's own ever-present words ("police", "Kent", "crime" in a police panel)
weigh little: ``Vocabulary`` weighs each word by how few of the body's sentences
use it, counted once per body.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Iterable

TOKEN = re.compile(r"[a-z0-9]+")
YEAR = re.compile(r"(?:19|20)\d\d")
STOP = frozenset("""a an the of on in to for and or at by with from into about its their his her
this that these those be been being was were is are will would should could may might can
has have had not no as it they he she we our all any some each more most other such than
then there which who whom what when where how also provide provided provides providing update
updates updated updating report reports reported reporting bring brought circulate circulated
share shared send sent give given gave further next last previous meeting meetings panel
committee member members information detail details paper papers item items agreed agree
undertook offered requested request requests asked ask note noted commissioner commissioners
pcc opcc chief constable officer executive chair chairman council councillor regarding relating
following future later verbal oral written brief briefing full draft final progress issue point
concern question comment response matter minutes confirmed explained advised said stated
whether once upon within outside back able also very well just only over out made make
them him itself one two three time year years month months week weeks day days date
relation respect terms part way new number against but including
resolved noted added view held due course soon shortly pleased""".split())


def stem(word: str) -> str:
    """A plural and its singular are one word: 'schools' is 'school', 'notices' 'notice'."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def content_words(text: str) -> list[str]:
    """Content words in order (stemmed), without the vocabulary of minutes or years.
    Numbers of three digits stay: '999' and '101' are what a report was about."""
    return [w for token in TOKEN.findall(text.lower().replace("’", "'").replace("'s", ""))
            if (w := _content(token))]


@functools.lru_cache(maxsize=1 << 16)  # a body's minutes use a few thousand words, over and over
def _content(token: str) -> str | None:
    """The token's content word, or None for a stop word, a short number or a year."""
    if token.isdigit() and (len(token) < 3 or YEAR.fullmatch(token)):
        return None
    w = stem(token)
    return w if len(w) > 2 and w not in STOP and token not in STOP else None


def words(text: str) -> frozenset[str]:
    return frozenset(content_words(text))


class Vocabulary:
    """Inverse sentence frequency of words in one body's minutes."""

    def __init__(self, sentences: Iterable[frozenset[str]]):
        self.df: Counter[str] = Counter()
        self.n = 0
        for s in sentences:
            self.n += 1
            self.df.update(s)

    def weight(self, word: str) -> float:
        """ln(N / df): a word in one sentence in a hundred weighs 4.6, in every one 0."""
        return math.log(max(self.n, 2) / max(self.df.get(word, 0), 1))

    def mass(self, ws: Iterable[str]) -> float:
        return sum(self.weight(w) for w in ws)

    def telling(self, word: str) -> bool:
        """Rare enough in this body's minutes to name a particular thing."""
        return self.df.get(word, 0) <= max(3, self.n // 25)

    def coverage(self, wanted: frozenset[str], said: frozenset[str]) -> float:
        """Share of ``wanted``'s weight that ``said`` also has."""
        total = self.mass(wanted)
        return self.mass(wanted & said) / total if total else 0.0
