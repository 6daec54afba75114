"""Imported by the limited worker's forkserver: the extractor loaded, its lexicons built and
its patterns compiled once (by extracting a short sample), so that each child forked to
extract a document starts with them instead of compiling them again."""

from scrutiny.loaders.extract import limited  # noqa: F401  (what the child unpickles)
from scrutiny.loaders.extract.document import extract
from scrutiny.loaders.records import DocumentText

SAMPLE = """Durham Police and Crime Panel
Minutes of the meeting held on 2 July 2020

Present: Councillor L Boyes (Chair), Melvyn Neate (MN)

1. Apologies

2. HMICFRS PEEL Inspection Report
Councillor Boyes asked what progress had been made. The Chief Constable explained that a new hub
had opened and confirmed that he would report back to the next meeting. MN raised concerns about
the Action Log. In response to a question from Councillor Jones, the Commissioner advised that
the recommendations had been implemented. It was agreed that a briefing would be circulated.
The Panel was not satisfied.

RESOLVED that:
(a) the report be noted; and
(b) the Commissioner provide an update by the end of March 2021.
"""

extract(DocumentText("warm-up", "text", SAMPLE))
