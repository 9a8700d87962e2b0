"""Which agency an article's content derives from, for each basis (stated, outlet, inferred, cited),
on our own invented reports; and the derived wire against the dev gold (read from ../shared)."""

from __future__ import annotations

from pathlib import Path

from bench import wire_accuracy
from newsfuse.model import Article, Story
from newsfuse.stages.provenance import provenance
from newsfuse.stages.wire_basis import Copied, derived_wire, own_wire

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


def test_dev_derived_wire_on_the_gold_labels(dev_corpus: Path, dev_gold: Path) -> None:
    result = wire_accuracy.run(dev_corpus, dev_gold)
    derived = result["derived"]
    assert derived["labelled"] == result["labelled"]
    assert derived["accuracy"] >= DERIVED_WIRE_FLOOR
    assert derived["accuracy"] > result["labelled_accuracy"]
    assert result["wire_precision"] >= STRICT_PRECISION_FLOOR
