"""The event record: type, actors, location, date, casualties, sources, evidence.

Small fixtures are our own invented reports, run through the real analysis; the seeds are read
from ../shared at run time and cleaned with the cleaner.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfuse.model import AnalyzedArticle, Article, Document, Story
from newsfuse.stages.analyze import analyze_all
from newsfuse.stages.clean import clean, clean_all
from newsfuse.stages.events import event


def _analysed(*texts: str, published: str | None = None) -> list[AnalyzedArticle]:
    arts = [Article(id=f"a{n}", source=f"a{n}.txt", text=t, published=published, lang="en")
            for n, t in enumerate(texts)]
    return analyze_all(arts)


def _event(*texts: str, published: str | None = None) -> dict:
    analysed = _analysed(*texts, published=published)
    story = Story("s1", "t", tuple(a.article.id for a in analysed))
    return event(story, analysed).to_dict()["event"]


def _texts(record: dict, field: str, analysed: list[AnalyzedArticle]) -> list[str]:
    text = {a.article.id: a.article.text for a in analysed}
    return [text[e["article"]][e["start"]:e["end"]] for e in record["evidence"].get(field, [])]


# --- casualties: conservative figure, range, vague words, what is not the event's toll ---------


def test_conservative_figure_and_range_across_outlets() -> None:
    record = _event(
        "At least 20 people were killed when a bus plunged into a ravine near Kandy on Monday, police said.",
        "A bus plunged into a ravine near Kandy on Monday, killing 25 passengers, officials said.",
        "The bus crash near Kandy on Monday killed 31 people, a hospital spokesman said.",
    )
    assert record["type"] == "road_accident"
    assert record["casualties"] == {"killed": 20}
    detail = record["casualty_detail"]["killed"]
    assert detail["range"] == [20, 31]
    assert detail["articles"] == ["a0", "a1", "a2"]
    assert detail["vague"] is False


def test_a_vague_word_gives_way_to_a_number() -> None:
    record = _event(
        "Dozens of people were injured when a fire swept through a market in Kano on Friday.",
        "A fire swept through a market in Kano on Friday, injuring 37 people, the fire service said.",
    )
    assert record["type"] == "fire"
    assert record["casualties"] == {"wounded": 37}
    assert record["casualty_detail"]["wounded"]["vague"] is False


def test_only_vague_words_give_the_acled_reading_flagged_vague() -> None:
    record = _event("Dozens of people were injured when a fire swept through a market in Kano on Friday.")
    assert record["casualties"] == {"wounded": 12}
    assert record["casualty_detail"]["wounded"]["vague"] is True


def test_killed_or_wounded_is_not_a_death_toll() -> None:
    record = _event(
        "Rebels captured the town of Kafr Nabl on Saturday after a day of fighting, activists said.",
        "Some 40 soldiers were killed or wounded in the assault on the town of Kafr Nabl, activists said.",
    )
    assert record["casualties"] == {"killed_or_wounded": 40}
    assert record["casualty_detail"]["killed_or_wounded"]["side"] == "government"


def test_background_other_places_and_subsets_are_not_the_toll() -> None:
    record = _event(
        "A passenger jet crashed in the mountains near Grenoble on Tuesday, killing all 150 people on board, "
        "including two babies.",
        "The airliner crashed near Grenoble on Tuesday. The war in the region has killed more than 250,000 "
        "people since 2011. Separately, 18 people were killed in a fire in the city of Lyon.",
    )
    assert record["type"] == "plane_crash"
    assert record["casualties"] == {"killed": 150}


# --- type, actors, location, date, sources ---------------------------------------------------------


@pytest.mark.parametrize(("texts", "expected"), [
    (["Government troops recaptured the town of Kafr Nabl from rebels on Sunday, state media said."],
     "territory_regained"),
    (["Rebels seized the town of Kafr Nabl from government troops on Sunday, activists said."], "capture"),
    (["A strong earthquake shook the coast of Peru on Monday, officials said."], "earthquake"),
    (["Police opened fire on protesters, and a ceasefire collapsed in the north."], "attack_on_civilians"),
    (["The carmaker admitted it had cheated emissions tests on diesel engines."], "regulatory_violation"),
    (["Two astronomers won the Nobel Prize in Physics for detecting gravitational waves."], "prize"),
    (["City clinched the league title with two games to spare after beating United."], "title_win"),
    (["The chief executive resigned on Wednesday after a board meeting."], "resignation"),
    (["The weather was mild and nothing else happened in the village."], "other"),
])
def test_type_from_cues_with_their_arguments(texts: list[str], expected: str) -> None:
    assert _event(*texts)["type"] == expected


def test_fire_is_not_opened_fire_nor_ceasefire() -> None:
    record = _event("Gunmen opened fire on a checkpoint and the ceasefire collapsed, killing three soldiers.")
    assert record["type"] != "fire"


def test_actors_are_alias_merged_and_agents_come_first() -> None:
    record = _event(
        "Islamic State fighters captured the town of Kafr Nabl from government forces on Sunday.",
        "ISIL militants seized the town of Kafr Nabl on Sunday, activists said.",
        "Daesh took control of the town of Kafr Nabl after a suicide car bomb, the army said.",
    )
    assert record["actors"][0] == "Islamic State"
    assert not {"ISIL", "Daesh", "ISIS"} & set(record["actors"])
    assert record["where"]["place"] == "Kafr Nabl"


def test_date_resolved_against_publication_or_left_as_the_weekday() -> None:
    text = "Rebels captured the town of Kafr Nabl on Sunday, a monitoring group said."
    undated = _event(text)
    assert (undated["when"], undated["when_precision"]) == ("Sunday", "weekday")
    dated = _event(text, published="2015-11-02")
    assert (dated["when"], dated["when_precision"]) == ("2015-11-01", "day")


def test_a_report_date_gives_way_to_the_event_date() -> None:
    record = _event("Rebels captured the town of Kafr Nabl on Sunday, a monitoring group reported on Monday.",
                    published="2015-11-03")
    assert record["when"] == "2015-11-01"


KAFR_NABL = "Rebels captured the town of Kafr Nabl on Sunday, a monitoring group said."


def test_a_date_stamp_dates_the_report_not_the_event() -> None:
    record = _event(f"date 2015-11-04 {KAFR_NABL}")
    assert (record["when"], record["when_precision"]) == ("Sunday", "weekday")
    # A text opening with the event's day in words is no stamp.
    opening = _event("Sunday's capture of the town of Kafr Nabl by rebels surprised the army.")
    assert (opening["when"], opening["when_precision"]) == ("Sunday", "weekday")


def test_a_date_stamp_bounds_the_news_window() -> None:
    # The stamp (November 2016) sets aside a day a year before it as another event's date.
    record = _event(f"date 2016-11-04 {KAFR_NABL}",
                    "Rebels first captured the town of Kafr Nabl on November 1, 2015, activists said.")
    assert (record["when"], record["when_precision"]) == ("Sunday", "weekday")


def test_a_discovery_is_dated_by_its_announcement_not_its_observation() -> None:
    record = _event("Astronomers announced on Thursday the discovery of a comet on a long orbit.",
                    "The comet was discovered on March 3, 2019 by a telescope in Chile.")
    assert record["type"] == "discovery"
    assert (record["when"], record["when_precision"]) == ("Thursday", "weekday")


def test_according_to_named_sources_not_the_wire_credit_nor_negations() -> None:
    analysed = analyze_all([clean(Document(id="a0", source="a0.txt", kind="text", content=(
        "Rebels captured the town of Kafr Nabl on Sunday, the Syrian Observatory for Human Rights said, "
        "Reuters reports.\n\nState media made no mention of the attack. A statement by the Free Syrian "
        "Army confirmed the advance.")))])
    assert analysed[0].article.wire == "Reuters"
    record = event(Story("s", "t", ("a0",)), analysed).to_dict()["event"]
    assert "Syrian Observatory for Human Rights" in record["according_to"]
    assert "Free Syrian Army" in record["according_to"]
    assert "Reuters" not in record["according_to"]
    assert not any("media" in s for s in record["according_to"])


def test_every_evidence_span_is_a_sentence_holding_its_quote() -> None:
    analysed = _analysed(
        "Islamic State fighters captured the town of Kafr Nabl on Sunday, killing 12 soldiers, the "
        "Syrian Observatory for Human Rights said.",
    )
    record = event(Story("s", "t", ("a0",)), analysed).to_dict()["event"]
    assert set(record["evidence"]) >= {"type", "actors", "location", "when", "casualties", "according_to"}
    for field, items in record["evidence"].items():
        for sentence, item in zip(_texts(record, field, analysed), items, strict=True):
            assert item["quote"] in sentence


# --- the seeds ---------------------------------------------------------------------------------


def _seed_documents(seed_paths: list[Path], url: str | None = None) -> list[Document]:
    return [Document(id=p.name[:3], source=str(p), kind="text", content=p.read_text(encoding="utf-8"),
                     url=url.format(n) if url else None) for n, p in enumerate(seed_paths)]


@pytest.fixture(scope="module")
def seed_record(seed_paths: list[Path]) -> dict:
    analysed = analyze_all(clean_all(_seed_documents(seed_paths)))
    return event(Story("seeds", "", tuple(a.article.id for a in analysed)), analysed).to_dict()["event"]


def test_seeds_capture_by_islamic_state_at_maheen(seed_record: dict) -> None:
    assert seed_record["type"] == "capture"
    assert seed_record["acled"] == "Battles: Non-state actor overtakes territory"
    assert seed_record["actors"][0] == "Islamic State"
    assert "ISIL" not in seed_record["actors"]
    assert seed_record["where"]["place"] == "Maheen"
    assert seed_record["where"]["admin"] == "Homs"
    assert seed_record["where"]["country"] == "Syria"
    assert seed_record["location"] == "Maheen, Homs, Syria"
    assert seed_record["where"]["lat"] == pytest.approx(34.24, abs=0.05)


def test_seeds_when_is_sunday_with_no_invented_date(seed_record: dict) -> None:
    assert (seed_record["when"], seed_record["when_precision"]) == ("Sunday", "weekday")


def test_seeds_casualties_killed_or_wounded_on_the_government_side(seed_record: dict) -> None:
    assert seed_record["casualties"] == {"killed_or_wounded": 50}
    detail = seed_record["casualty_detail"]["killed_or_wounded"]
    assert detail["side"] == "government"
    assert "killed" not in seed_record["casualties"]


def test_seeds_according_to_the_observatory_and_an_is_statement(seed_record: dict) -> None:
    assert "Syrian Observatory for Human Rights" in seed_record["according_to"]
    assert "Islamic State" in seed_record["according_to"]
    quotes = {e["value"]: e["quote"] for e in seed_record["evidence"]["according_to"]}
    assert "statement" in quotes["Islamic State"]


@pytest.mark.parametrize("dating", ["url", "dateline"])
def test_seeds_dated_by_url_or_dateline_resolve_sunday(seed_paths: list[Path], dating: str) -> None:
    seed = seed_paths[1]
    text = seed.read_text(encoding="utf-8")
    if dating == "url":
        doc = Document(id="d", source=str(seed), kind="text", content=text,
                       url="https://example.org/2015/11/02/town-captured")
    else:
        # The dateline goes where a wire story's first paragraph begins.
        lede = text.index("Islamic State of Iraq")
        doc = Document(id="d", source=str(seed), kind="text",
                       content=text[:lede] + "BEIRUT, Nov. 2, 2015 (Reuters) - " + text[lede:])
    analysed = analyze_all([clean(doc)])
    record = event(Story("s", "", ("d",)), analysed).to_dict()["event"]
    assert (record["when"], record["when_precision"]) == ("2015-11-01", "day")
