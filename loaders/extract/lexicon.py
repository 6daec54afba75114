"""Domain lexicons (``lexicons/*.txt``) and a token phrase matcher over them.

The matcher indexes phrases by their first token, so a lookup costs one dict
access per token whatever the lexicon's size: no giant alternation regex.
Acronyms (all capitals) match only in capitals; other phrases ignore case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

LEXICON_DIR = Path(__file__).parent / "lexicons"
# a possessive 's is not part of the word: "the PCC's intention" mentions the PCC
TOKEN = re.compile(r"[A-Za-z0-9]+(?:['’\-](?!s\b)[A-Za-z0-9]+)*|&")


def norm_token(token: str) -> str:
    return token.replace("’", "'").lower()


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    canonical: str
    kind: str


class PhraseMatcher:
    """Longest-match lookup of lexicon phrases in tokenised text."""

    def __init__(self):
        self._index: dict[str, list[tuple[tuple[str, ...], bool, str, str]]] = {}

    def add(self, phrase: str, canonical: str, kind: str) -> None:
        tokens = TOKEN.findall(phrase)
        if not tokens:
            return
        exact = len(tokens) == 1 and tokens[0].isupper() and len(tokens[0]) > 1
        key = tokens[0] if exact else norm_token(tokens[0])
        entry = (tuple(t if exact else norm_token(t) for t in tokens), exact, canonical, kind)
        bucket = self._index.setdefault(key, [])
        bucket.append(entry)
        bucket.sort(key=lambda e: -len(e[0]))

    def find(self, tokens: Tokens) -> list[Match]:
        found, i = [], 0
        index, raw, norm = self._index, tokens.raw, tokens.norm
        while i < len(raw):
            if raw[i] not in index and norm[i] not in index:  # most tokens start no phrase
                i += 1
                continue
            hit = self._longest_at(tokens, i)
            if hit:
                length, canonical, kind = hit
                found.append(Match(tokens.starts[i], tokens.ends[i + length - 1], canonical, kind))
                i += length
            else:
                i += 1
        return found

    def _longest_at(self, tokens: Tokens, i: int):
        word = tokens.raw[i]
        for key in (word, tokens.norm[i]):
            for phrase, exact, canonical, kind in self._index.get(key, ()):
                n = len(phrase)
                got = tuple(tokens.raw[i:i + n] if exact else tokens.norm[i:i + n])
                if got == phrase and (not exact or word.isupper()):
                    return n, canonical, kind
        return None


@dataclass(frozen=True)
class Tokens:
    """A text's tokens, once: raw and normalised forms and offsets, for every matcher."""

    raw: list[str]
    norm: list[str]
    starts: list[int]
    ends: list[int]

    @classmethod
    def cached(cls, text: str) -> Tokens:
        """The tokens of the document being extracted, made once for every matcher."""
        return _cached_tokens(text)

    @classmethod
    def of(cls, text: str) -> Tokens:
        matches = list(TOKEN.finditer(text))
        raw = [m.group() for m in matches]
        starts, ends = [m.start() for m in matches], [m.end() for m in matches]
        low = norm_token(text)  # once for the text, when lower-casing keeps every offset
        norm = [low[a:b] for a, b in zip(starts, ends, strict=True)] if len(low) == len(text) else \
            [norm_token(w) for w in raw]
        return cls(raw, norm, starts, ends)


@lru_cache(maxsize=2)
def _cached_tokens(text: str) -> Tokens:
    return Tokens.of(text)


def _rows(name: str) -> list[list[str]]:
    rows = []
    for line in (LEXICON_DIR / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            rows.append([cell.strip() for cell in line.split("|")])
    return rows


@dataclass(frozen=True)
class Lexicons:
    bodies: PhraseMatcher
    roles: PhraseMatcher
    honorifics: dict[str, tuple[str, str]]  # normalised alias -> (canonical, side)
    force_places: frozenset[str]
    role_titles: frozenset[str]  # canonical office names, lower case


@lru_cache(maxsize=1)
def lexicons() -> Lexicons:
    bodies = PhraseMatcher()
    places = set()
    for (name,) in _rows("forces.txt"):
        bodies.add(name, name, "force")
        place = re.sub(r"\s+(Police Service|Police|Constabulary)$", "", name)
        places.add(place.lower())
        for suffix in ("Police", "Constabulary"):
            bodies.add(f"{place} {suffix}", name, "force")
    for name, kind, *aliases in _rows("bodies.txt"):
        for phrase in (name, *aliases):
            bodies.add(phrase, name, kind)
    roles, titles = PhraseMatcher(), set()
    for name, *aliases in _rows("roles.txt"):
        titles.add(name.lower())
        for phrase in (name, *aliases):
            roles.add(phrase, name, "role")
    honorifics = {}
    for name, *rest in _rows("honorifics.txt"):
        side = rest[-1] if rest else "person"
        for alias in (name, *rest[:-1]):
            honorifics[alias.lower().rstrip(".")] = (name, side)
    return Lexicons(bodies, roles, honorifics, frozenset(places), frozenset(titles))
