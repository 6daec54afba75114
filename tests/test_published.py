"""The publication date of a report, as minutes state it, read next to the report's mention."""

from __future__ import annotations

import pytest

from scrutiny.loaders.extract.published import Published, published, published_date


def _at(text: str, mention: str) -> tuple[str, int, int]:
    start = text.index(mention)
    return text, start, start + len(mention)


@pytest.mark.parametrize("text, mention, expected", [
    ("The Panel noted the inspection report HMICFRS published on 9 May 2023 on custody.",
     "inspection report", "2023-05-09"),
    ("Members discussed the PEEL report, published by the Inspectorate on 2nd October 2022, "
     "and its two causes of concern.", "PEEL report", "2022-10-02"),
    ("The Commissioner referred to the report (published March 2024) on vetting.",
     "report", "2024-03-01"),
    ("The Chief Constable summarised the inspection of stalking, which was published on 12/10/2023.",
     "inspection of stalking", "2023-10-12"),
    ("On 3 July 2023 HMICFRS published its inspection of neighbourhood policing.",
     "inspection of neighbourhood policing", "2023-07-03"),
    ("The joint inspection report was published in November 2021 and discussed at length.",
     "joint inspection report", "2021-11-01"),
    ("The PEEL report published on Tuesday 14th February 2023 graded the force adequate.",
     "PEEL report", "2023-02-14"),
])
def test_the_usual_ways_minutes_state_a_publication_date(text, mention, expected):
    assert published_date(*_at(text, mention)) == expected


def test_a_month_without_a_day_is_the_first_of_the_month_marked_month_precision():
    text, s, e = _at("The vetting inspection (published March 2024) was noted.", "vetting inspection")
    assert published(text, s, e) == Published("2024-03-01", "month")
    text, s, e = _at("The report HMICFRS published on 9 May 2023 was noted.", "report")
    assert published(text, s, e) == Published("2023-05-09", "day")


@pytest.mark.parametrize("text, mention", [
    # no publishing cue: a meeting date is not a publication date
    ("The inspection report was considered at the meeting on 9 May 2023.", "inspection report"),
    # a day without a year is never completed by guess
    ("The inspection report HMICFRS published on 9 May was welcomed.", "inspection report"),
    # the date belongs to another sentence
    ("The inspection report was noted. The plan was published on 4 April 2023.", "inspection report"),
    ("The inspection report had not yet been published.", "inspection report"),
])
def test_no_date_where_the_sentence_does_not_give_one(text, mention):
    assert published_date(*_at(text, mention)) is None


def test_the_cue_after_the_mention_wins_over_an_earlier_one():
    text, s, e = _at("Following the plan published on 1 April 2022, the Panel noted the custody "
                     "inspection, published by HMICFRS on 20 June 2023.", "custody inspection")
    assert published_date(text, s, e) == "2023-06-20"
