"""What a commitment promised, in words a later meeting would use about it (pure).

Minutes say what is owed in three ways, and each needs its own reading:
"a report on 999 and 101" names the thing after a deliverable noun (the *core*);
"circulate the Rural Crime Strategy" names it as the verb's object; and "he would
respond to this point outside the meeting" names nothing, so the sentence before
it (the question it answers) supplies the subject.  The core is what a later
item's title must be about; the wider topic is what a later sentence must share.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scrutiny.loaders.extract.segment import paragraphs, sentences
from scrutiny.loaders.link.words import words

DELIVERABLE = re.compile(
    r"\b(?:report|update|item|information|briefing|paper|details|presentation|figures|data|"
    r"statistics|note|overview|feedback|breakdown|analysis|review|respond|reply|write)s?(?:\s+back)?"
    r"(?:\s+to\s+(?:the\s+)?(?:panel|committee|members?|chairman|chair)(?:\s+members)?)?"
    r"\s+(?:on|about|regarding|into|concerning|of|around|in\s+relation\s+to|relating\s+to)\s+", re.I)
VERB_OBJECT = re.compile(
    r"\b(?:to|would|will|shall|be\s+requested\s+to)\s+(?:\w+ly\s+)?(?:bring|circulate|provide|send|"
    r"share|present|produce|publish|prepare|submit|arrange|explore|investigate|look\s+into)\s+", re.I)
OBJECT_END = re.compile(
    r"\s*[,;:.()]|\s+(?:once|when|as|because|but|so\s+that|which|who|and\s+that|would|should|"
    r"will|before|after|outside|in\s+due\s+course|later|be\s+\w+(?:ed|en|ght|wn)|(?:to|with)\s+(?:the\s+)?"
    r"(?:panel|committee|members?|chief|commissioner)\b|(?:at|to|by|for)\s+(?:the|a|its|their)\s+"
    r"(?:next|future|following|forthcoming|\w+\s+meeting|meeting|end)|by\s+\d|in\s+the\s+"
    r"(?:spring|summer|autumn|winter|new\s+year))\b", re.I)
ANAPHOR = re.compile(r"\b(?:this|these|those|them|it|the\s+(?:options?|concerns?|points?|issues?|"
                     r"matters?|request|response|suggestions?|questions?))\b", re.I)
# Undertakings a written note of the meeting's actions can deliver: information, an
# answer, a check.  A report, a visit or a piece of work is delivered by itself.
INFORMATIONAL = re.compile(
    r"\b(?:provide|send|circulate|share|supply|forward)\s+(?:\w+\s+){0,3}?(?:information|details|"
    r"figures|data|an?\s+update|a\s+note|an?\s+answer|a\s+response)\b|\blook\s+into\b|\b(?:check|"
    r"respond|reply|write|confirm|clarify|find\s+out|inform|report\s+back|follow\s+up|feed\s+\w+\s+"
    r"back|investigate)\b", re.I)


@dataclass(frozen=True)
class Topic:
    core: frozenset[str]      # the thing named as owed ("999 and 101"); empty when unnamed
    words: frozenset[str]     # everything the commitment and its antecedent are about
    informational: bool       # deliverable by a note of actions


def object_text(text: str) -> str:
    """The innermost thing named after a deliverable noun, else after a promise verb."""
    found = list(DELIVERABLE.finditer(text)) or list(VERB_OBJECT.finditer(text))
    if not found:
        return ""
    tail = text[found[-1].end():]
    end = OBJECT_END.search(tail)
    return tail[:end.start()] if end else tail


def object_words(text: str) -> frozenset[str]:
    return words(object_text(text))


def topic_of(quote: str, context: str, antecedent: str) -> Topic:
    """``context``: the commitment's sentence before it; ``antecedent``: the sentence before.
    An unnamed or anaphoric object ("this point", "them") borrows the antecedent's words,
    and its core when it names one ("an item on recruitment ... agreed to update the Panel")."""
    obj = object_text(quote)
    core, own = words(obj), words(quote) | words(context)
    if len(core) < 2 or ANAPHOR.search(obj):
        core = object_words(antecedent) or (frozenset() if ANAPHOR.search(obj) else core)
        own |= words(antecedent)
    return Topic(core, own, bool(INFORMATIONAL.search(quote)))


def surroundings(text: str, start: int, end: int, paras: list[tuple[int, int]] | None = None
                 ) -> tuple[str, str]:
    """The start of the commitment's own sentence before it ("In response to a question
    about Magnate Generation"), and the two sentences before that in the same paragraph
    (a numbered point or bullet is one exchange; the one before is another).  ``paras``:
    the text's paragraphs, when already found."""
    paras = paragraphs(text) if paras is None else paras
    before = [p for p in paras if p[0] <= start]
    if not before:
        return "", ""
    spans = [s for s in sentences(text, *before[-1]) if s[0] <= start]
    if not spans:
        return "", ""
    context = text[spans[-1][0]:start]
    earlier = spans[:-1][-2:]
    return context, text[earlier[0][0]:earlier[-1][1]] if earlier else ""
