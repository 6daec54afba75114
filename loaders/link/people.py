"""People of one body told apart by first name or initial, and joined where only one fits (pure).

A person's key is ``scope|surname|given``: the first name ("ann") or, where the
minutes give only that, the initial ("s"), so "Mr Simon Jones" and "Mr Martyn
Jones" of one panel are two people.  A mention with the surname alone
("Councillor Boyes") is keyed ``scope|surname``.  Across the body's minutes that
bare name, or an initial, is the named person when exactly one of the body's
people with that surname fits it (``aliases``); with two, it stays apart and
nothing is guessed.
"""

from __future__ import annotations

import re
from collections import defaultdict

from scrutiny.loaders.extract.lexicon import lexicons
from scrutiny.loaders.keys import person_key

INITIALS = re.compile(r"(?:[A-Z]\.?\s*){1,3}")
FIRST_NAME = re.compile(r"[A-Z][a-z][A-Za-z'’\-]*")
STILL_OFFICE = {"temporary", "acting", "interim", "deputy", "assistant"}


def given_name(surface: str, surname: str | None) -> str | None:
    """'Councillor Ann Marsh' -> 'ann'; 'Mr S. J. Jones' -> 's'; 'Councillor Marsh' -> None."""
    tokens = surface.split()
    tail = (surname or "").lower().split()
    if not tail or [t.lower().strip(".,") for t in tokens[-len(tail):]] != tail:
        return None
    tokens = tokens[:-len(tail)]
    honorifics = lexicons().honorifics
    while tokens:
        width = next((w for w in (3, 2, 1) if len(tokens) >= w and
                      " ".join(tokens[:w]).lower().rstrip(".") in honorifics), 0)
        if not width and tokens[0].lower() not in STILL_OFFICE:
            break
        tokens = tokens[width or 1:]
    if not tokens:
        return None
    first = tokens[0]
    if INITIALS.fullmatch(first):
        return first[0].lower()
    return first.lower() if FIRST_NAME.fullmatch(first) else None


def fits(a: str, b: str) -> bool:
    """An initial fits the names it begins ('s' and 'simon'); two full names fit if equal."""
    return a == b or (len(a) == 1) != (len(b) == 1) and a[0] == b[0]


def unify(givens: list[str | None]) -> dict[str | None, str | None]:
    """Each given (None: surname only) -> the one given it stands for, among ``givens`` of
    one surname: an initial or no name goes to the single person that fits it."""
    named = sorted({g for g in givens if g})
    full = [g for g in named if len(g) > 1]
    people = full + [g for g in named if len(g) == 1 and not any(fits(g, f) for f in full)]
    out: dict[str | None, str | None] = {g: g for g in givens}
    for g in set(givens):
        candidates = [p for p in people if g is None or fits(g, p)]
        if len(candidates) == 1 and (g is None or len(g) == 1):
            out[g] = candidates[0]
    return out


def aliases(keys: list[str]) -> dict[str, str]:
    """Person key -> the key of the one person of the body it must be ("body:x|boyes" ->
    "body:x|boyes|joan"), for the keys that stand for exactly one fuller one."""
    by_surname: dict[str, list[str | None]] = defaultdict(list)
    for key in keys:
        scope, surname, *given = key.split("|")
        by_surname[f"{scope}|{surname}"].append(given[0] if given else None)
    out = {}
    for prefix, givens in by_surname.items():
        for g, to in unify(givens).items():
            if to != g:
                scope, surname = prefix.rsplit("|", 1)
                out[person_key(scope, surname, g)] = person_key(scope, surname, to)
    return out
