"""The grammar of minutes: verb and construction cues for each kind of event.

Small compiled patterns over verbs and function words (never over names):
who asks, who answers, who undertakes, what is resolved, what is reported
closed.  ``events`` decides who the subject of each cue is.
"""

from __future__ import annotations

import re

from scrutiny.loaders.extract.anchored import Heads

QUESTION = re.compile(
    r"\b(?P<verb>asked|Asked|Queried|Questioned|Sought|queried|questioned|enquired|inquired|challenged|disputed|pressed|probed|"
    r"wished to know|wanted to know|to\s+ask\b|(?:wanted|sought|wished)\s+to\s+understand|"
    r"sought (?:an?\s+|further\s+|some\s+)?(?:clarification|assurances?|reassurances?|update|"
    r"information|confirmation|details|further|views)|raised (?:a|an|the|some|several|two|three|concerns?|questions?|"
    r"issues?|additional|further|a number|queries|points?)|requested (?:that|an?|further|details|"
    r"information|clarification|sight)|expressed (?:concerns?|disappointment|frustration|"
    r"dissatisfaction|surprise|reservations)|stressed the need|criticised|questioning|"
    r"(?:submitted|tabled|put|sent\s+in)\s+(?:the\s+following|a|an|two|three|several)\s+(?:\w+\s+)?questions?|"
    r"sought\s+clarity|wondered\s+(?=whether|if|why|how|what|when)|"
    r"(?:reiterated|repeated|restated)\s+(?:his|her|their|the\s+Panel['’]s|the\s+Committee['’]s)\s+concerns?|asked\s+for\s+(?:clarity|clarification|"
    r"an\s+explanation|an\s+update|assurance))\b")
# A member's point made with a neutral verb is a question or challenge put to the answering side:
# "Councillor Jones added that ...", "A Member noted that the figures were not good enough".
MEMBER_SAYS = re.compile(
    r"\b(?P<verb>referred\s+to\s+(?=(?:the|a|an)\s+(?:\w+\s+)?(?:problems?|issues?|concerns?|difficult\w*|lack|need|"
    r"delays?|failures?)\b)|suggested|commented|highlighted|raised\s+(?:that|the\s+(?:issue|point|matter))|"
    r"felt|stated|said|added|pointed\s+out|observed|remarked|emphasi[sz]ed|stressed|argued|"
    r"(?:was|were)\s+not\s+(?:satisfied|convinced|content|happy)|(?:was|were)\s+surprised\s+(?=that|by|at)|"
    r"believed|considered|warned|cautioned|questioned\s+whether|noted|indicated)\b")
# "noted" and "indicated" are mostly the Panel taking note; a member's point only when it says
# something is lacking or needed: "noted that the figures were not good enough", "indicated that
# more detail was needed", "in his view ...".
SHORTFALL = re.compile(r"\b(?:was|were|is|are|be)\s+(?:still\s+|also\s+)?(?:needed|required|lacking|missing)\b|"
                       r"\bmore\s+(?:detail|information|work|clarity|needed|should|could)\b|\bshould\b|\bmust\b|"
                       r"\black\s+of\b|\binsufficient|\bunclear\b|\bnot\s+(?:enough|sufficient|clear|good)\b|"
                       r"\bin\s+(?:his|her|their|my)\s+(?:view|opinion)\b|\bmay\s+not\s+be\b", re.I)
NEGATIVE_STANCE = re.compile(r"\bnot\s+(?:good\s+enough|satisfied|convinced|acceptable|adequate)|\bsurprised\b|"
                             r"\bdisappoint|\bunacceptable|\bcriticis|\bconcern", re.I)
# "In response to a question from Councillor Y, the Chief Constable confirmed ...": the question
# folded into its answer.  Its asker is who the phrase names, "member" for a Member's, or nobody.
FOLDED_QUESTION = re.compile(
    r"\b(?:[Ii]n\s+(?:response|reply|answer)\s+to|[Rr]esponding\s+to|[Rr]eplying\s+to|(?<!the\s)[Ff]ollowing|"
    r"[Rr]egarding|[Aa]sked\s+about|[Ii]nvited)\s+(?:a\s+|an\s+|the\s+|further\s+)?(?:\w+['’]s?\s+){0,2}?"
    r"(?P<what>[Qq]uestions?|query|queries|(?:points?|concerns?)\s+raised)\b(?:\s+(?:from|by|form|raised\s+by|of)\s+)?")
CHALLENGE_VERBS = ("challenged", "disputed", "pressed", "expressed", "stressed", "criticised", "reiterated",
                   "repeated", "restated")
# "no questions had been received", "no further concerns were raised": nobody asked anything.
NOT_ASKED = r"(?<!\bno\s)(?<!\bno\sfurther\s)(?<!\bno\sother\s)(?<!\bnot\sany\s)"
PASSIVE_QUESTION = re.compile(
    rf"\b{NOT_ASKED}questions?(?:\s+[\w-]+){{0,4}}?\s+(?:has|have|had)\s+been\s+received\b|"
    rf"\b{NOT_ASKED}(?:concerns?|questions?|queries|a query|issues?|clarification)\s+"
    r"(?:was|were|had been)\s+(?:\w+\s+)?"
    r"(?:raised|asked|expressed|sought|put|needed|required|requested)\b(?:\s+by\s+)?|"
    r"\bit was (?:asked|queried|questioned)\s+"
    r"(?:whether|if|why|how|what)\b|"
    # "The Panel received one written question:", "read a question from a member of the public"
    r"\b(?P<received>received|read(?:\s+out)?)\s+(?:a|an|one|two|three|four|five|six|\d+)\s+(?:\w+\s+){0,2}?"
    r"questions?\b(?:\s+from\s+)?", re.I)

ANSWER_STRONG = (r"explained|confirmed|clarified|advised|responded|replied|answered|assured|"
                 r"reassured|acknowledged|reaffirmed|reiterated|read\s+(?:out\s+)?a\s+statement|"
                 r"explains|confirms|clarifies|advises|responds|replies|answers|assures|acknowledges|"
                 r"(?:provided|gave)\s+(?:\w+\s+){0,3}?(?:with\s+)?an?\s+(?:explanation|clarification|assurance|reassurance)|"
                 # "informed the Panel that", like "advised the Panel that": told to the ones asking
                 r"(?:informed|told)\s+(?:the\s+)?(?i:panel|committee|board|members|meeting)\s+that|"
                 # "provided the Panel with a detailed verbal update on", "gave a presentation": an account given
                 r"(?<!which\s)(?<!that\s)(?:provided|gave|delivered)\s+(?:the\s+)?(?i:panel|committee|board|members)?\s*(?:with\s+)?"
                 r"an?\s+(?:\w+\s+){0,2}?(?:update|presentation|briefing|overview)\s+(?:on|of|to|about|regarding)\b"
                 # an update on progress or on actions is a status update, not an account given
                 r"(?!\s+(?:the\s+)?(?:\S+\s+){0,2}?(?:progress|actions?|recommendations?)\b)")
ANSWER_WEAK = (r"reported|stated|informed|told|indicated|noted|said|added|commented|emphasised|emphasized|highlighted|"
               r"estimated|accepted|agreed|outlined|suggested|believed|understood")
ANSWER = re.compile(
    rf"\b(?P<verb>{ANSWER_STRONG})\b|\b(?P<weak>{ANSWER_WEAK})\b(?=(?:\s+\w+){{0,3}}?\s+(?:that|he|she|they|it|there)\b|\s*:|"
    # "She added a league table could be circulated": a reported clause without "that"
    r"\s+(?:an?|the|some|more|further)\s+(?:(?!which\b|who\b|that\b)\w+\s+){0,3}?"
    r"(?:would|could|will|had|has|have|was|were|is|are)\b)")
ANSWER_WEAK_ANY = re.compile(rf"\b(?P<weak>{ANSWER_WEAK})\b")
STRONG_VERB = re.compile(ANSWER_STRONG)
STANCE = re.compile(r"\b(?:was|were|remained|am|are)\s+(?:confident|satisfied|assured|content)\s+that\b")
# Procedure, not accountability: declarations, apologies, introductions, the order of business.
PROCEDURAL = re.compile(r"\bdeclar\w+|\b(?:pecuniary|personal|prejudicial|disclosable|registrable|an?)\s+interests?\b|"
                        r"\binterests?\s+(?:was|were|had\s+been)\s+(?:declared|noted)|\bapolog(?:y|ies)\b|"
                        r"\bminute['’]s silence|"
                        r"\bintroduce\s+themselves|"
                        r"\bwelcomed\s+(?:everyone|all|those\s+present|attendees|(?:the\s+)?members)\s+to\s+the\s+meeting\b|"
                        r"\b(?:asked\s+for|invited|called\s+for|sought)\s+(?:any\s+|further\s+)?(?:nominations?|"
                        r"seconders?|a\s+seconder|a\s+show\s+of\s+hands)\b|"
                        r"\bthe\s+order\s+of\s+(?:business|the\s+agenda)", re.I)
PROCEDURAL_ITEM = re.compile(r"^\s*(?:\d+\.?\s*)?(?:declarations?|apologies|welcome|announcements|urgent\s+items?|"
                             r"items?\s+to\s+be\s+considered|exclusion|date\s+of\s+(?:the\s+)?next)", re.I)
POSITIVE_STANCE = re.compile(r"\s*(?:that\s+)?(?:\w+\s+){0,2}?"
                             r"(?:reassured|assured|pleased|satisfied|content|supportive|"
                             r"grateful|welcomed|thanked)\b", re.I)
PASSIVE_ANSWER = re.compile(
    r"\b(?:re)?assurances?\s+(?:was|were|had been)\s+(?:given|provided|offered)\b|"
    r"\bit was (?:further\s+|also\s+|then\s+|\w+ly\s+)?(?:explained|confirmed|clarified|advised|reported|stated)\b|"
    r"\b(?:was|were)\s+(?:advised|informed|told|assured|reassured)\s+that\b|"  # "Members were told that"
    r"\bin (?:response|reply),? it was\b|\b(?:been|and)\s+responded\s+to\s+in\s+writing\b", re.I)

NOT_ACTIONS = (r"(?:note|consider|receive|comment|approve|endorse|agree|accept|declare|disclose|"
               r"introduce|move|extend\s+the\s+(?:meeting|time)|adjourn|vary|defer\s+the\s+item)\b")
UNDERTAKE = re.compile(
    rf"\b(?<!was\s)(?<!is\s)(?<!are\s)(?<!were\s)(?<!remained\s)(?<!remains\s)(?<!also\s)"
    rf"(?P<verb>agreed|undertook|undertaken|offered|volunteered|committed|pledged)\s+to\s+(?!{NOT_ACTIONS})(?P<what>\w+)"
    r"|\b(?P<pledge>(?:reaffirmed|reiterated|restated|gave|made|renewed)\s+(?:his|her|their|its|a|an)\s+"
    r"(?:firm\s+)?(?:commitment|undertaking|pledge)\s+(?:to|that))\b")
ACTION_VERBS = (r"report(?:\s+back)?|provide|circulate|share|bring|update|write|look\s+into|"
                r"investigate|arrange|ensure|follow\s+up|feed\s*back|respond|review|present|submit|"
                r"send|liaise|take|contact|publish|produce|prepare|supply|forward|check|come\s+back|"
                r"return|raise|discuss|seek|explore|consider\s+whether|circulate|meet|visit|ask")
# Undertakings are an open class: "would/will + any verb" except the verbs that state a view,
# a condition or a consequence rather than an act ("would like", "would mean", "will be").
NOT_ACTS = (r"(?:be|have|not|need|like|welcome|appear|seem|mean|result|depend|allow|remain|become|"
            r"involve|include|require|cost|suggest|expect|hope|prefer|say|argue|benefit|enable|lead|"
            r"affect|impact|happen|occur|love|rather|probably|otherwise|still|only|never|"
            r"(?:wish|want|like)(?!\s+to\s+(?!thank|congratulate|welcome|place|record|express|note)\w)|"
            r"therefore|make|help|give\s+rise|apply|vary|differ|fall|rise|increase|decrease|reduce|"
            r"improve|change|go|come\s+from|know|think|feel|believe|"
            r"recall|remember|recollect|appreciate|understand|reali[sz]e|imagine|assume|"  # "Members would recall"
            r"expire|end|start|begin|cease|find|"
            r"remain(?!\s+(?:fully\s+|closely\s+)?(?:engaged|committed|involved|available|in\s+contact))|"
            r"form|show|demonstrate|reflect|take\s+place|retire|stand\s+down|last|run\s+until|"
            r"normally|usually|always|often|potentially|likely|hopefully|ideally)")
# "would not only look at ... but also", "would always be taken seriously": still an undertaking.
ADVERBS = r"(?:(?:also|then|now|further|personally|again|certainly|happily|soon|shortly|always|not\s+only|\w+ly)\s+)*"
WOULD_DO = re.compile(
    rf"\b(?P<modal>would|will|shall|should)\s+{ADVERBS}(?:be\s+(?:happy|pleased|willing|able|glad|delighted)\s+to\s+)?"
    rf"(?:(?P<ing>be\s+[a-z]+ing)|(?!{NOT_ACTS}\b)(?P<what>[a-z]+))\b")
ASKED_TO = re.compile(  # not "may have been asked to": what could happen, not what was asked
    rf"\b(?<!may\s)(?<!might\s)(?<!could\s)(?:had|has|have)?\s*(?<!may\shave\s)(?<!might\shave\s)"
    rf"(?<!could\shave\s)(?:been|be|was|were|is|are)\s+(?:formally\s+)?(?:asked|requested|tasked|instructed|invited|commissioned|directed)\s+to\s+(?!{NOT_ACTIONS})(?P<what>\w+)")
# Work put on someone else: "asked the Commissioner to meet ...", "urged the Force to publish ...",
# "requested that the Commissioner provide ..." (a subjunctive: the verb's bare form).
ASK_OTHER = re.compile(
    r"\b(?P<verb>asked|requested|tasked|instructed|commissioned|directed|urged|encouraged|called\s+(?:up)?on)"
    r"\s+(?=(?:that\s+)?(?:the\s+)?[A-Z])")
# Taking or keeping a seat is membership, not work owed: "willingness to continue to serve as a
# Panel member", "be invited to serve as a co-opted member".
SERVING = r"(?:continue\s+(?:to\s+)?)?(?:serve|stand|act\s+as|remain\s+(?:as|a|on)\b|join|become)\b"
INTENTION = re.compile(r"\bit was (?:the\s+)?(?P<who>.{2,60}?)['’]s?\s+intention\b|"
                       rf"\b(?:his|her|their|its)\s+(?:intention|willingness|readiness)\s+(?:of|to)\b(?!\s+{SERVING})|"
                       r"\bincumbent\s+(?:up)?on\s+(?:him|her|them|himself|herself)\s+to\b")
# Agentless future and modal passives: "would be circulated", "could be provided later in 2017",
# "should be reviewed by X", "further work would be done".  States are not acts.
STATIVE = (r"(?:affected|needed|required|expected|interested|concerned|based|involved|pleased|"
           r"delighted|disappointed|surprised|located|allowed|entitled|seen|regarded|deemed|used|"
           r"limited|minded|aware|unable|likely|grateful|happy|useful|helpful|welcomed|appreciated|"
           r"necessary|possible|difficult|better|best|worth|achieved|met|determined|subject|"
           r"retained|made\s+up|counted|classed|viewed|placed|exposed|lost|missed|left|covered|held|"
           r"asked|invited|[a-z]+ed\s+as)")
PARTICIPLE = (r"(?:[a-z]+ed|[a-z]+en|done|made|sent|brought|held|set(?:\s+up)?|put|given|shown|"
              r"written|taken|read(?:\s+out)?|kept|built|sought|paid|told|led|run|found|dealt|"
              r"drawn|known|picked\s+up|looked\s+(?:at|into)|followed\s+up|fed\s+back)")
# Work put to a later meeting of the body: "at its next meeting", "to a future meeting of the Panel".
LATER_MEETING = (r"(?:at|to|for|until|before)\s+(?:the|its|their|a)\s+(?:next|future|later|subsequent)\s+"
                 r"(?:meeting|Panel|Committee|Board)")
FUTURE_PASSIVE = re.compile(
    # A non-finite passive is a promise only when it names the later meeting: "with the
    # Committee to be updated at its next meeting" (not "judged to be outstanding", nor "not to be").
    rf"\b(?<!not\s)to\s+be\s+(?!{STATIVE}\b){PARTICIPLE}\b(?=[^.;]{{0,40}}?\b{LATER_MEETING}\b)|"
    rf"\b(?P<modal>would|will|shall|could|should|is\s+to|are\s+to|was\s+to|were\s+to)\s+{ADVERBS}"
    rf"be\s+(?:\w+ly\s+)?(?!{STATIVE}\b)(?P<what>{PARTICIPLE})\b|\b(?:was|were)\s+to\s+take\s+place\b|"
    # "further information would come back to the Panel": a deliverable returns, nobody named
    r"\b(?P<returns>would|will|should)\s+(?:come|be\s+brought|return)\s+(?:back\s+)?to\s+(?:the\s+|a\s+)?"
    r"(?:next\s+|future\s+|later\s+)?(?:Panel|Committee|Board|meeting)\b")
# A referral assigns the work to whoever it names: "was referred to the Performance Lead Member
# meetings for further discussion".
REFERRAL = re.compile(
    r"(?:\b(?:was|were|be|been|is|are)\s+(?:\w+ly\s+)?|\band\s+)referred\s+(?:back\s+)?to\s+(?P<to>[^.;]{3,80}?)\s+for\s+"
    r"(?:further\s+)?(?:discussion|consideration|action|review|a\s+response|investigation|comment)\b", re.I)
# The question words of an embedded question, after a verb or noun of asking: "asked which",
# "wanted to understand how", "clarification on what".  A relative "which" is no question.
EMBEDDED_QUESTION = re.compile(
    r"\bwhether\b|\b(?:ask\w*|quer\w*|question\w*|wonder\w*|enquir\w*|inquir\w*|understand|know|"
    r"clarif\w*|unclear|sought|sure)\s+(?:\w+\s+){0,4}?(?:if|how|what|why|which|when|where|who)\b|"
    r"\b(?:detail|details|information|clarity|needed)\s+(?:on|about|as\s+to)\s+(?:how|what|why|when)\b", re.I)
CONDITION = re.compile(r"\b(?:unless|once)\b", re.I)
# A forecast, not a promise: "it is likely that the timeline will be revised"; and a
# description: "work whereby funding streams will be pooled".
HEDGE = re.compile(r"\b(?:likely|unlikely|expected|anticipated|probable|possible|hoped)\s+(?:that|to)\b|"
                   r"\bwhereby\b", re.I)
# A request of an unnamed doer: "requested that further information be provided", "asked for a
# full report", "asked that an item on recruitment be brought to a future meeting".
REQUEST = re.compile(
    r"\b(?P<verb>asked|requested|recommended|urged|requesting|asking|(?:proposed|moved)\s+and\s+seconded)\s+"
    r"(?:that\s+(?P<that>[^.;]{3,160}?\s+be\s+(?:\w+ly\s+)?(?!noted\b|received\b)[a-z]+(?:ed|en|ght|de|t)\b)|"
    r"for\s+(?:a|an|the|further|more|some|regular|written|an\s+update|sight)\b(?P<for>[^.;]{0,40}?"
    r"\b(?:report|update|briefing|information|details|paper|presentation|data|figures|"
    r"breakdown|analysis|response|review|clarification|note|copy|item)s?\b))")
DUE = re.compile(
    r"\b(?P<due>(?:at|to|for|by|before)\s+(?:the|its|their)\s+next\s+(?:meeting|panel|committee)|"
    r"(?:at|to|for)\s+a\s+(?:future|later|subsequent)\s+meeting|"
    r"by\s+the\s+end\s+of\s+(?:the\s+)?[\w ]{3,20}?(?=[\s,.;]|$)|"
    r"in\s+a\s+couple\s+of\s+meetings['’]?\s+time|in\s+(?:\w+\s+){1,2}months['’]?\s+time|"
    r"within\s+(?:\w+\s+){1,2}(?:days|weeks|months)|by\s+(?:\d{1,2}\s+)?[A-Z][a-z]+\s+\d{4}|"
    r"in\s+the\s+(?:Autumn|Spring|Summer|Winter|New Year)|later\s+in\s+(?:the\s+year|\d{4})|in\s+due\s+course|"
    r"(?:at\s+(?:its|the)\s+meeting\s+)?in\s+(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December)(?:\s+\d{4})?\b)", re.I)

# A decision states something: a verb (be, is, are, a participle, a subjunctive "provide").
DECIDES = re.compile(r"^\s*(?:that|That|THAT)\b|\b(?:be|is|are|was|were|has|have|had|will|would|should|shall|to)\b|"
                     r"\b[a-z]{3,}(?:ed|es|s)\b")  # "That the group develop ...": a that-clause decides
RESOLUTION_PASSIVE_ACTION = re.compile(
    r"\bbe\s+(?:arranged|provided|circulated|sent|written|brought|submitted|scheduled|added|"
    rf"prepared|reported|made|held|organised|established|set up|reviewed|invited(?!\s+to\s+{SERVING})|shared|"
    r"published|presented|included|updated|forwarded|requested|sought|undertaken)\b|"
    # Put off to a later meeting: the body undertakes to take the item up again.
    r"\bbe\s+(?:deferred|postponed|adjourned|brought\s+back|considered\s+further)\b"
    rf"(?=[^.;]{{0,40}}?\b{LATER_MEETING}\b)", re.I)
# "That the Clerk be requested to ...", "be given delegated authority to make minor amendments":
# work put on the decision's subject.
RESOLUTION_ASKED = re.compile(
    r"\b(?:be|is|are)\s+(?:requested|asked|invited|instructed|recommended|authori[sz]ed|empowered|"
    r"(?:given|granted)\s+(?:the\s+)?(?:delegated\s+)?(?:authority|powers?)|delegated\s+(?:authority|powers?))"
    rf"\s+to\s+(?!note\b|{SERVING})(?P<what>\w+)", re.I)
RESOLUTION_THROUGH = re.compile(r"\b(?:actioned|provided|produced|prepared|led|progressed)\s+(?:through|by)\s+", re.I)
# "that the Commissioner provides information", "that the Panel should write", "but would explore":
# any verb other than noting or receiving, after the decision's subject.
SUBJUNCTIVE_ACT = re.compile(
    r"\s+(?:(?:should|would|will|shall|also|then)\s+)*(?!note|notes|receive|receives|approve|approves|endorse|"
    r"agree|agrees|accept|accepts|support|supports|welcome|welcomes|be\b|is\b|are\b|was\b|were\b|has\b|"
    r"have\b|had\b|not\b|continues?\s+to\s+(?:receive|note|consider|support|welcome)\b)[a-z]{3,}s?\b")
BASE_VERB = re.compile(
    r"\s+(?:to\s+)?(?P<verb>write|arrange|provide|feed|invite|seek|request|undertake|review|"
    r"consider|establish|hold|submit|circulate|share|send|contact|meet|visit|bring|prepare|"
    r"produce|publish|monitor|continue(?!\s+to\s+(?:receive|note|consider|support|welcome)\b)|ensure|develop|report|"
    r"respond|work|set|explore|engage|"
    r"liaise|support|look)\b")

ACCOUNTABLE = re.compile(
    r"\b(?:recommendations?|actions?|areas? for improvement|AFIs?|action points?|"
    r"outstanding references?|causes? of concern)\b", re.I)
STATUS_WORDS = [
    ("closed", re.compile(r"\b(?:have|has|had|were|was|are|is|now|been)\s+(?:now\s+)?(?:been\s+)?"
                          r"(?:closed|completed|discharged|signed off|implemented)\b|"
                          r"\bnow\s+(?:complete|completed|closed)\b|"
                          r"\bremains?\s+closed\b|"
                          r"\b(?:marked|confirmed|recorded|agreed)\s+as\s+['‘]?(?:complete|completed|closed|discharged)",
                          re.I)),
    ("superseded", re.compile(r"\bsuperseded\b", re.I)),
    ("overdue", re.compile(r"\boverdue\b|\bgraded\s+(?:as\s+)?red\b|\bpast\s+(?:its|their)\s+target", re.I)),
    ("in_progress", re.compile(r"\bin progress\b|\bbeing progressed\b|\bon track\b|\bongoing\b|\bpartially\b", re.I)),
    ("open", re.compile(r"\bremains?\s+open\b|\boutstanding\b|\bstill open\b|\bopen actions?\b", re.I)),
]
# Progress in open vocabulary: a change reported as done, under way or missed, with or without
# the word "recommendation": "had been put in place", "was now live", "were being developed".
DONE_VERBS = (r"(?:enhanced|received|complied\s+with|put\s+in\s+place|published|implemented|completed|"
              r"delivered|introduced|established|launched|achieved|arranged|appointed|recruited|improved|"
              r"submitted|actioned|addressed|resolved|closed|discharged|extended|re-assessed|remitted|"
              r"rolled\s+out|set\s+up|signed\s+off|finalised|removed)")
PROGRESS = [
    ("closed", re.compile(rf"\b(?:had|has|have)\s+(?:now\s+|already\s+)?been\s+(?:\w+ly\s+|already\s+)?{DONE_VERBS}\b|"
                          r"\bnow\s+(?:live|in\s+place|complete|completed|operational|published|available)\b", re.I)),
    ("overdue", re.compile(rf"\b(?:had|has|have)\s+not\s+yet\s+been\s+\w+|"
                           rf"\b(?:had|has|have)\s+not\s+been\s+{DONE_VERBS}\b|"
                           r"\bdeadlines?\s+(?:had|have|were)\s+"
                           r"(?:been\s+)?missed\b|\bnot\s+(?:been\s+)?possible\s+to\b|\bdelayed\b", re.I)),
    ("in_progress", re.compile(r"\b(?:were|was|are|is)\s+(?:still\s+)?being\s+(?:developed|progressed|implemented|"
                               r"reviewed|considered|addressed|taken\s+forward|worked\s+on)\b|"
                               r"\bongoing\b(?!\s+[a-z]{3,}\b(?<!\band\b))|"
                               r"\bprogress\s+(?:in|on|with|made|against|towards)\b|\bon\s+(?:the\s+right\s+)?"
                               r"(?:track|trajectory)\b|\bclosure\s+of\b|\bupdated?\s+(?:the\s+)?(?:Panel|Committee|"
                               r"Members)\s+on\b|\bprogress\s+update\s+on\b|"
                               # "a verbal update on the 'live' actions": on progress, not on events
                               r"\b(?:verbal|written)\s+update\s+on\s+(?:the\s+)?(?:\S+\s+){0,2}?"
                               r"(?:progress|actions?|recommendations?|work)\b|"
                               r"\b(?:was|were|is|are)\s+continuing\s+to\s+(?:work|develop|progress|implement|review)\b|"
                               r"\bcontinues\s+to\s+(?:work|develop|progress|implement)\b", re.I)),
]
ACTION_NUMBER = re.compile(r"\bAction\s+(?:No\.?|Number|#)?\s*(?P<num>\d{1,4}[a-z]?)\b", re.I)
REFERS_TO_MEETING = re.compile(r"\b(?:meeting|panel|committee)\s+(?:held\s+)?on\s+", re.I)

FINDING_INTRO = [
    ("positive", re.compile(r"\bpleased to (?:find|note|see)|\bstrengths?\b|\bpositives?\b|\bgood practice", re.I)),
    ("concern", re.compile(r"\bconcerned to find|\bcauses? of concern|\bconcerns?\b", re.I)),
    ("area_for_improvement", re.compile(r"\bareas? for improvement", re.I)),
    ("recommendation", re.compile(r"\brecommendations?\b|\brecommended\b", re.I)),
    ("other", re.compile(r"\bfound that\b|\bfindings?\b", re.I)),
]
FRAMING = re.compile(r"\bthe following\b|[:\-–]\s*$", re.I)
MEMBER_PHRASE = re.compile(
    r"\b(?:a|one|another|the)\s+(?:Panel\s+|panel\s+|Committee\s+|independent\s+|co-opted\s+)?member"
    r"(?:\s+of\s+the\s+(?:Panel|Committee|Board))?\b|"
    r"\bMembers?\s+of\s+the\s+(?:Panel|Committee)\b|\b(?:Panel\s+)?Members\b", re.I)
MEMBER_HEAD = Heads("member", "members", any_case=True)
PANEL_HEAD = Heads("panel", "committee", "Police and Crime Panel", "Board", any_case=True)
PUBLIC_PHRASE = re.compile(r"\b(?:a|the|one|another)\s+(?:same\s+|further\s+)?members?\s+of\s+the\s+public\b", re.I)
# Collective and generic doers: "the working group would develop", "the Force will publish".
COLLECTIVE_HEADS = (r"(?:[Ww]orking\s+[Gg]roup|[Tt]ask\s+and\s+[Ff]inish\s+[Gg]roup|[Ss]ub-?[Gg]roup|[Gg]roup|[Tt]eam|"
                    r"[Uu]nit|[Dd]epartment|[Dd]irectorate|[Ss]ecretariat|[Pp]artnership|Force|Constabulary|Service)")
COLLECTIVE_HEAD = Heads("working group", "task and finish group", "sub-group", "subgroup", "group", "team", "unit",
                        "department", "directorate", "secretariat", "partnership", "force", "constabulary",
                        "service", any_case=True)
COLLECTIVE = re.compile(rf"\b(?:[Tt]he|[Ii]ts|[Tt]heir)\s+(?P<name>(?:[A-Za-z][a-z]+\s+){{0,3}}?{COLLECTIVE_HEADS})\b")
ACTS_AFTER = re.compile(r",?\s+(?:\w+\s+){0,2}?(?:would|will|should|had|has|was|were|agreed|undertook|[a-z]+ed)\b")
PANEL_PHRASE = re.compile(r"\b[Tt]he\s+(?P<name>[Pp]anel|[Cc]ommittee|Police and Crime Panel|Board)\b")
PRONOUN = re.compile(r"\b(?P<p>He|She|he|she)\s+(?:also\s+|further\s+|then\s+|had\s+|subsequently\s+)*$")
# Possessive: each word is taken once, so a run of "had had also had ..." cannot backtrack.
# Used with ``fullmatch`` between a mention and a cue.
SUBJECT_FILLER = re.compile(
    r"(?:[\s,]++|(?:also|further|then|subsequently|however|additionally|again|therefore|duly|"
    r"in\s+response|in\s+reply|had|has|have|was|were|who|which|later|briefly|fully)\b|"
    r"\([^)]{0,40}\))*+", re.I)
