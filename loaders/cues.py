"""The grammar of minutes: verb and construction cues for each kind of event.

Small compiled patterns over verbs and function words (never over names):
who asks, who answers, who undertakes, what is resolved, what is reported
closed.  ``events`` decides who the subject of each cue is.
"""

from __future__ import annotations

import re

I = re.IGNORECASE

QUESTION = re.compile(
    r"\b(?P<verb>asked|queried|questioned|enquired|inquired|challenged|disputed|pressed|probed|"
    r"wished to know|wanted to know|sought (?:clarification|assurances?|reassurances?|an update|"
    r"information|confirmation|details|further|views)|raised (?:a|an|the|concerns?|questions?|"
    r"issues?|additional|further|a number|queries|points?)|requested (?:that|an?|further|details|"
    r"information|clarification|sight)|expressed (?:concerns?|disappointment|frustration|"
    r"dissatisfaction|surprise|reservations)|stressed the need|criticised|questioning)\b")
CHALLENGE_VERBS = ("challenged", "disputed", "pressed", "expressed", "stressed", "criticised")
PASSIVE_QUESTION = re.compile(
    r"\b(?:concerns?|questions?|queries|a query|issues?|clarification)\s+(?:was|were|had been)\s+"
    r"(?:raised|asked|expressed|sought|put)\b(?:\s+by\s+)?|\bit was (?:asked|queried|questioned)\s+"
    r"(?:whether|if|why|how|what)\b", I)

ANSWER_STRONG = (r"explained|confirmed|clarified|advised|responded|replied|answered|assured|"
                 r"reassured|acknowledged")
ANSWER_WEAK = r"reported|stated|informed|indicated|noted|said|added|commented|emphasised|emphasized|highlighted|accepted|agreed|outlined|suggested|believed"
ANSWER = re.compile(
    rf"\b(?P<verb>{ANSWER_STRONG})\b|\b(?P<weak>{ANSWER_WEAK})\b(?=(?:\s+\w+){{0,3}}?\s+(?:that|he|she|they|it|there)\b|\s*:)")
STANCE = re.compile(r"\b(?:was|were|remained)\s+(?:confident|satisfied|assured|content)\s+that\b")
PASSIVE_ANSWER = re.compile(
    r"\b(?:re)?assurances?\s+(?:was|were|had been)\s+(?:given|provided|offered)\b|"
    r"\bit was (?:explained|confirmed|clarified|advised|reported|stated)\b|"
    r"\b(?:was|were)\s+(?:advised|informed|told|assured|reassured)\s+that\b|"  # "Members were told that"
    r"\bin (?:response|reply),? it was\b", I)

NOT_ACTIONS = r"(?:note|consider|receive|comment|approve|endorse|agree|attend|accept|declare)\b"
UNDERTAKE = re.compile(
    rf"\b(?P<verb>agreed|undertook|undertaken|offered|volunteered|committed|pledged)\s+to\s+(?!{NOT_ACTIONS})(?P<what>\w+)")
ACTION_VERBS = (r"report(?:\s+back)?|provide|circulate|share|bring|update|write|look\s+into|"
                r"investigate|arrange|ensure|follow\s+up|feed\s*back|respond|review|present|submit|"
                r"send|liaise|take|contact|publish|produce|prepare|supply|forward|check|come\s+back|"
                r"return|raise|discuss|seek|explore|consider\s+whether|circulate|meet|visit|ask")
WOULD_DO = re.compile(
    rf"\b(?P<modal>would|will|shall)\s+(?:\w+ly\s+|also\s+|then\s+|be\s+happy\s+to\s+|be\s+able\s+to\s+)?(?P<what>{ACTION_VERBS})\b")
ASKED_TO = re.compile(
    rf"\b(?:had|has|have)?\s*(?:been|be|was|were|is|are)\s+(?:formally\s+)?(?:asked|requested|tasked|instructed|invited|commissioned|directed|required)\s+to\s+(?!{NOT_ACTIONS})(?P<what>\w+)")
ASK_OTHER = re.compile(
    r"\b(?P<verb>asked|requested|tasked|instructed|commissioned|directed)\s+(?=(?:the\s+)?[A-Z])")
INTENTION = re.compile(r"\bit was (?:the\s+)?(?P<who>.{2,60}?)['’]s?\s+intention\b")
DELIVERABLE = re.compile(
    r"\b(?:a|an|the)\s+(?:\w+\s+){0,2}(?:report|update|briefing|paper|presentation|response|"
    r"information|details|review|note|breakdown|analysis)\s+(?P<modal>would|will|could|is to|was to)\s+be\s+"
    r"(?:provided|brought|submitted|presented|circulated|shared|given|produced|made available|"
    r"prepared|sent|reported)\b", I)
FUTURE_PASSIVE = re.compile(
    r"\b(?:would|will)\s+be\s+(?:\w+ly\s+)?(?:raised|addressed|reviewed|considered|taken|"
    r"implemented|actioned|progressed|monitored|reported|circulated|provided|shared|scheduled|"
    r"developed|introduced|published|updated|examined|explored|looked at|picked up|followed up)\b|"
    r"\b(?:was|were)\s+to\s+take\s+place\b")
PURE_UNDERTAKING = re.compile(
    r"^\s*(?:that\s+)?(?:he|she|they|it|the\s+\w+(?:\s+\w+)?)\s+(?:would|will)\s+(?:\w+ly\s+)?(?:" + ACTION_VERBS + r")\b", I)
CONDITIONAL = re.compile(r"\bif\b|\bshould members\b|\bwhere members\b", I)
DUE = re.compile(
    r"\b(?P<due>(?:at|to|for|by|before)\s+the\s+next\s+(?:meeting|panel|committee)|"
    r"(?:at|to|for)\s+a\s+(?:future|later|subsequent)\s+meeting|"
    r"by\s+the\s+end\s+of\s+(?:the\s+)?[\w ]{3,20}?(?=[\s,.;]|$)|"
    r"in\s+a\s+couple\s+of\s+meetings['’]?\s+time|in\s+(?:\w+\s+){1,2}months['’]?\s+time|"
    r"within\s+(?:\w+\s+){1,2}(?:days|weeks|months)|by\s+(?:\d{1,2}\s+)?[A-Z][a-z]+\s+\d{4}|"
    r"in\s+the\s+(?:Autumn|Spring|Summer|Winter|New Year)|later\s+in\s+the\s+year|"
    r"(?:at\s+(?:its|the)\s+meeting\s+)?in\s+(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December)(?:\s+\d{4})?\b)", I)

RESOLUTION_NOTE_ONLY = re.compile(
    r"\b(?:be|is|are|was|were)\s+(?:duly\s+)?(?:noted|received|approved|agreed|endorsed|accepted|welcomed|"
    r"confirmed|adopted|considered|appointed|excluded|signed|supported|ratified)\b", I)
RESOLUTION_PASSIVE_ACTION = re.compile(
    r"\bbe\s+(?:arranged|provided|circulated|sent|written|brought|submitted|scheduled|added|"
    r"prepared|reported|made|held|organised|established|set up|reviewed|invited|shared|"
    r"published|presented|included|updated|forwarded|requested|sought|undertaken)\b", I)
RESOLUTION_ASKED = re.compile(
    r"\b(?:be|is|are)\s+(?:requested|asked|invited|instructed|recommended)\s+to\s+(?!note\b)(?P<what>\w+)", I)
RESOLUTION_THROUGH = re.compile(r"\b(?:actioned|provided|produced|prepared|led|progressed)\s+(?:through|by)\s+", I)
RESOLUTION_SUBJECT_VERB = re.compile(
    r"^\s*(?:that\s+)?(?:the\s+)?(?P<rest>.+)$", I | re.S)
BASE_VERB = re.compile(
    r"\s+(?:to\s+)?(?P<verb>write|arrange|provide|receive|feed|invite|seek|request|undertake|review|"
    r"consider|establish|hold|submit|circulate|share|send|contact|meet|visit|bring|prepare|"
    r"produce|publish|monitor|continue|ensure|develop|report|respond|work|set|explore|engage|"
    r"liaise|support|look)\b")

ACCOUNTABLE = re.compile(
    r"\b(?:recommendations?|actions?|areas? for improvement|AFIs?|action points?|"
    r"outstanding references?|causes? of concern)\b", I)
STATUS_WORDS = [
    ("closed", re.compile(r"\b(?:have|has|had|were|was|are|is|now|been)\s+(?:now\s+)?(?:been\s+)?(?:closed|completed|discharged|signed off|implemented)\b|\bnow\s+(?:complete|completed|closed)\b|\bremains?\s+closed\b|\bmarked as\s+['‘]?(?:complete|completed|closed|discharged)", I)),
    ("superseded", re.compile(r"\bsuperseded\b", I)),
    ("overdue", re.compile(r"\boverdue\b|\bgraded\s+(?:as\s+)?red\b|\bpast\s+(?:its|their)\s+target", I)),
    ("in_progress", re.compile(r"\bin progress\b|\bbeing progressed\b|\bon track\b|\bongoing\b|\bpartially\b", I)),
    ("open", re.compile(r"\bremains?\s+open\b|\boutstanding\b|\bstill open\b|\bopen actions?\b", I)),
]
ACTION_NUMBER = re.compile(r"\bAction\s+(?:No\.?|Number|#)?\s*(?P<num>\d{1,4}[a-z]?)\b", I)
REFERS_TO_MEETING = re.compile(r"\b(?:meeting|panel|committee)\s+(?:held\s+)?on\s+", I)

FINDING_INTRO = [
    ("positive", re.compile(r"\bpleased to (?:find|note|see)|\bstrengths?\b|\bpositives?\b|\bgood practice", I)),
    ("concern", re.compile(r"\bconcerned to find|\bcauses? of concern|\bconcerns?\b", I)),
    ("area_for_improvement", re.compile(r"\bareas? for improvement", I)),
    ("recommendation", re.compile(r"\brecommendations?\b|\brecommended\b", I)),
    ("other", re.compile(r"\bfound that\b|\bfindings?\b", I)),
]
FRAMING = re.compile(r"\bthe following\b|[:\-–]\s*$", I)
MEMBER_PHRASE = re.compile(
    r"\b(?:a|one|another|the)\s+(?:Panel\s+|panel\s+|Committee\s+|independent\s+|co-opted\s+)?member\b|"
    r"\bMembers?\s+of\s+the\s+(?:Panel|Committee)\b|\b(?:Panel\s+)?Members\b", I)
PANEL_PHRASE = re.compile(r"\bthe\s+(?P<name>Panel|Committee|Police and Crime Panel|Board)\b")
PRONOUN = re.compile(r"\b(?P<p>He|She|he|she)\s+(?:also\s+|further\s+|then\s+|had\s+|subsequently\s+)*$")
SUBJECT_FILLER = re.compile(
    r"^(?:[\s,]|also|further|then|subsequently|however|additionally|again|therefore|duly|"
    r"in response|in reply|had|has|have|was|were|had also|who|later|briefly|fully|"
    r"\([^)]{0,40}\))*$", I)
