"""The publication date a page states near its top (a date line under the title), on pages we wrote."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newsfuse.model import Document
from newsfuse.stages.clean import clean
from newsfuse.stages.clean.published import date_from_top_lines

NOW = datetime(2020, 6, 1, 12, 0, tzinfo=UTC)
STORY = (
    "The harbour authority closed the northern quay on Tuesday after a crane fell onto two ships.",
    "Workers said the crane had been inspected only a week before, and an inquiry was promised.",
)


@pytest.mark.parametrize(
    ("lines", "iso"),
    [
        (["Crane collapse closes quay", "June 28, 2017", *STORY], "2017-06-28"),
        (["Published 3:02 PM ET Sun, 1 Nov 2015", "Crane collapse closes quay"], "2015-11-01"),
        (["date 2018-07-09 Crane collapse closes quay", *STORY], "2018-07-09"),
        (["  • Nov 24, 2015 - The harbour authority closed the northern quay on Tuesday after a crane fell."],
         "2015-11-24"),
        (["Crane collapse closes quay", "By Jane Roe, May 20, 2015", *STORY], "2015-05-20"),
        (["Harbour News · OSLO · 25 MARCH 2015 · 15:20 CET", *STORY], "2015-03-25"),
        (["27.3.2015", *STORY], "2015-03-27"),
    ],
)
def test_a_date_line_near_the_top_is_the_page_date(lines: list[str], iso: str) -> None:
    assert date_from_top_lines(lines, NOW) == iso


def test_the_earliest_top_date_wins_over_the_day_the_page_was_saved() -> None:
    lines = ["Saturday, 24/02/2020 - 09:16", "Crane falls", "22:28 | 21/04/2019"]
    assert date_from_top_lines(lines, NOW) == "2019-04-21"


@pytest.mark.parametrize(
    "lines",
    [
        # a date inside a long sentence is the event's, not the page's
        ["Crane collapse closes quay", "On September 14, 2015 the crane was inspected by the harbour"
         " authority and found sound, officials said."],
        ["03/04/2015", *STORY],  # March 4 or April 3: no date
        ["date 2016-12", *STORY],  # no day
        ["June 28, 2031", *STORY],  # after ingestion
        [*STORY, "A", "B", "C", "June 28, 2017"],  # too far down
    ],
)
def test_no_page_date_is_read_from_other_lines(lines: list[str]) -> None:
    assert date_from_top_lines(lines, NOW) is None


def test_cleaning_falls_back_to_the_top_date_line_after_the_url() -> None:
    doc = Document(id="t", source="t.txt", kind="text",
                   content="\n\n".join(["Crane collapse closes quay", "June 28, 2017", *STORY]))
    assert clean(doc, now=NOW).published == "2017-06-28"
    dated = Document(id="t", source="t.txt", kind="text", content=doc.content,
                     url="https://example.com/2017/06/27/crane")
    assert clean(dated, now=NOW).published == "2017-06-27"
