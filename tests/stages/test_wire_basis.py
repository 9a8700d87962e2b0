"""Which agency an article's content derives from, for each basis (stated, outlet, inferred, cited),
on our own invented reports; and the derived wire against the dev gold (read from ../shared)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import wire_accuracy
from newsfuse.model import Article, Story
from newsfuse.stages.clean.attribution import caption_credits
from newsfuse.stages.provenance import provenance
from newsfuse.stages.wire_basis import Copied, caption_of, derived_wire, own_wire

WIRE = ("A cargo crane toppled onto the northern quay of the port early on Monday, crushing two parked "
        "lorries and forcing the harbour master to close the berths for the rest of the week while "
        "engineers inspect the foundations.")
QUOTE = ("We heard a long groan of metal and then the whole arm came down across the quay like a falling "
         "tree, and everybody ran for the gates")
OWN = "Our reporter found the gates locked on Tuesday."
OWN_2 = "The port authority promised a full report by the end of the month."
DERIVED_WIRE_FLOOR = 0.9
STRICT_PRECISION_FLOOR = 0.9


def _article(aid: str, text: str, **kwargs: str) -> Article:
    return Article(id=aid, source=f"{aid}.txt", text=text, **kwargs)


def _wire_basis(*articles: Article) -> dict:
    story = Story("s", "crane", tuple(a.id for a in articles))
    return provenance(story, articles).to_dict()["provenance"]["wire_basis"]


def test_stated_wire_copy_keeps_its_wire_and_ignores_its_own_sources() -> None:
    a = _article("a", WIRE + " A crane driver told AFP he had felt the wind rise.", wire="AP",
                 wire_evidence="OSLO (AP) --")
    assert _wire_basis(a)["a"] == {"wire": "AP", "basis": "stated", "evidence": "OSLO (AP) --"}


def test_outlet_the_agency_site_including_subdomains() -> None:
    on_site = _article("r", WIRE + " No one was hurt, the RIA news agency reported.",
                       url="https://uk.reuters.com/article/crane-idUK1")
    by_outlet = _article("p", WIRE, outlet="apnews.com")
    elsewhere = _article("x", OWN, url="https://www.example.com/reuters.com/crane")
    assert own_wire(on_site) is not None
    basis = _wire_basis(on_site, by_outlet, elsewhere)
    assert basis["r"] == {"wire": "Reuters", "basis": "outlet", "evidence": "uk.reuters.com"}
    assert basis["p"] == {"wire": "AP", "basis": "outlet", "evidence": "apnews.com"}
    assert "x" not in basis


def test_a_copy_of_agency_site_text_is_inferred_from_it() -> None:
    site = _article("r", WIRE + " " + OWN_2, url="https://www.reuters.com/world/crane")
    copy = _article("c", WIRE + " " + OWN)
    assert _wire_basis(site, copy)["c"] == {"wire": "Reuters", "basis": "inferred", "via": "r"}


def test_cited_agencies_in_order_of_first_citation() -> None:
    a = _article("a", f"{OWN} The harbour master told AFP the berths would reopen. {OWN_2} The crane "
                      "was forty years old, Reuters reported. A welder later told AFP he had warned them.")
    assert _wire_basis(a)["a"] == {"wire": "AFP; Reuters", "basis": "cited",
                                   "evidence": "told AFP | Reuters reported"}


def test_copied_wire_and_citations_join_by_first_evidence() -> None:
    citing_first = _article("a", "A docker told AFP the crane shook. " + WIRE)
    credit = derived_wire(citing_first, Copied("w", "AP", citing_first.text.index(WIRE)))
    assert credit is not None
    assert (credit.wire, credit.basis, credit.evidence, credit.via) == ("AFP; AP", "cited; inferred",
                                                                         "told AFP", "w")
    copying_first = _article("b", WIRE + " Anadolu Agency said a second crane was damaged.")
    credit = derived_wire(copying_first, Copied("w", "AP", 0))
    assert credit is not None and (credit.wire, credit.basis) == ("AP; Anadolu", "inferred; cited")
    assert derived_wire(_article("c", OWN), None) is None


def test_a_shared_quotation_is_not_copied_wire() -> None:
    wire = _article("w", f"{WIRE} “{QUOTE},” a docker said.", wire="AP", wire_evidence="(AP)")
    quoting = _article("q", f"{OWN} “{QUOTE},” said one docker. {OWN_2}")
    unquoted = _article("u", f"{OWN} {QUOTE}. {OWN_2}")
    basis = _wire_basis(wire, quoting, unquoted)
    assert "q" not in basis
    assert basis["u"] == {"wire": "AP", "basis": "inferred", "via": "w"}
    prov = provenance(Story("s", "crane", ("w", "q")), [wire, quoting]).to_dict()["provenance"]
    assert [e["to"] for e in prov["edges"]] == ["q"]  # the copy graph still sees the shared words


def test_a_borrowed_paragraph_does_not_make_an_outlet_report_wire_copy_a_borrowed_lede_does() -> None:
    # The outlet's own report (its own words, an AFP citation) lifts one sentence of AP copy: at its
    # end it is background, as its lede it tells the AP story.
    own_report = (f"{OWN} The harbour master told AFP that the berths on the southern side stay "
                  "open for ferries and that the cargo ships will be sent to the river terminal instead. "
                  "Dockers gathered at the gates in the afternoon to ask about their pay for the week, "
                  "and the union called a meeting for Thursday evening in the old customs house. ")
    wire = _article("w", WIRE + " " + OWN_2, wire="AP", wire_evidence="OSLO (AP) --")
    borrowed = WIRE.split(" and forcing")[0] + "."
    borrowing = _article("b", own_report + borrowed)
    lede = _article("l", borrowed + " " + own_report)
    prov = provenance(Story("s", "crane", ("w", "b", "l")), [wire, borrowing, lede]).to_dict()["provenance"]
    assert prov["wire_basis"]["b"] == {"wire": "AFP", "basis": "cited", "evidence": "told AFP"}
    edge = next(e for e in prov["edges"] if e["to"] == "b")  # the copy graph still shows the borrowing
    assert edge["from"] == "w" and 0.05 < edge["shared"] < 0.3
    assert prov["wire_basis"]["l"] == {"wire": "AP; AFP", "basis": "inferred; cited", "evidence": "told AFP",
                                       "via": "w"}


@pytest.mark.parametrize(("text", "agency"), [
    ("Dockers watch the fallen crane on the quay. REUTERS/Jane Roe", "Reuters"),
    ("Dockers watch the fallen crane. (AP Photo/Jane Roe)", "AP"),
    ("Dockers watch the fallen crane. AFP PHOTO / JANE ROE", "AFP"),
    ("Dockers watch the fallen crane. REUTERS/Jane Roe/File Photo\nNext line", "Reuters"),
    ("An AP/Ipsos poll found most dockers want a new crane.", None),
    ("The crane, REUTERS/Jane Roe said, was old.", None),
])
def test_picture_credit_closing_a_line(text: str, agency: str | None) -> None:
    assert [w.agency for _, w in caption_credits(text)] == ([agency] if agency else [])


def test_a_caption_that_is_the_text_is_the_agency_copy_a_caption_beside_it_is_not() -> None:
    photo_page = _article("p", f"Dockers look at the crane that fell on the quay on Monday. {WIRE} "
                               "REUTERS/Jane Roe\nDockers look at the crane\nThe Daily Port")
    assert _wire_basis(photo_page)["p"] == {"wire": "Reuters", "basis": "stated",
                                            "evidence": "REUTERS/Jane Roe"}
    report = _article("r", f"{WIRE}\n\n{OWN} {OWN_2}\n\nThe fallen crane. REUTERS/Jane Roe\n\n{QUOTE}.",
                      paragraphs=())
    assert caption_of(report) is None and own_wire(report) is None


def test_dev_derived_wire_on_the_gold_labels(dev_corpus: Path, dev_gold: Path) -> None:
    result = wire_accuracy.run(dev_corpus, dev_gold)
    derived = result["derived"]
    assert derived["labelled"] == result["labelled"]
    assert derived["accuracy"] >= DERIVED_WIRE_FLOOR
    assert derived["accuracy"] > result["labelled_accuracy"]
    assert result["wire_precision"] >= STRICT_PRECISION_FLOOR
