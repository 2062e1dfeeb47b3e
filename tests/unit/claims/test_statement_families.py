"""A statement whose verb names a kind of happening takes its family, so that it meets reports
and denials of that happening: by hand-built propositions and, with the real model, by the
ledger on sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from sitroom.claims.ledger import ClaimsLedger
from sitroom.corpus.claims import SidedClaim, contradicts, proposition_key
from sitroom.lang.vocabulary import load_vocabulary
from sitroom.lang.vocabulary.reporting import ReportingVocabulary
from sitroom.model import Claim, Proposition
from sitroom.nlp.spans import doc_index

SHOT = Proposition(
    kind="statement",
    family="violence",
    actors=["Marek Dvorak"],
    subject="Marek Dvorak",
    predicate="shoot Anna Kovac",
    text="Marek Dvorak shoot Anna Kovac",
)
CHARGED = Proposition(
    kind="event", family="violence", event_type="ASSAULT", actors=[], text="ASSAULT (murder)"
)


def test_a_statement_of_a_family_meets_happenings_of_that_family_only() -> None:
    assert SHOT.matches(CHARGED) and CHARGED.matches(SHOT)
    protest = CHARGED.model_copy(update={"family": "protest", "event_type": "PROTEST"})
    assert not SHOT.matches(protest) and not protest.matches(SHOT)
    by_another = CHARGED.model_copy(update={"actors": ["Lena Brandt"]})
    assert not SHOT.matches(by_another)
    elsewhere = SHOT.model_copy(update={"place": "Dorla"})
    assert not elsewhere.matches(CHARGED.model_copy(update={"place": "Mellit"}))
    # A statement of no family still needs its subject and predicate.
    plain = SHOT.model_copy(update={"family": None})
    assert not plain.matches(CHARGED) and not CHARGED.matches(plain)


def test_a_statement_of_a_family_is_indexed_with_the_happenings_of_it() -> None:
    assert proposition_key(SHOT) == proposition_key(CHARGED) == "event:violence"
    plain = SHOT.model_copy(update={"family": None})
    assert proposition_key(plain) == "statement:dvorak"


def test_across_articles_a_statement_meets_a_denial_of_that_happening() -> None:
    said = SidedClaim("a", "c1", "assert", "prosecutors", SHOT)
    denied = SidedClaim("b", "c2", "deny", "Marek Dvorak", CHARGED)
    assert contradicts(said, denied) and contradicts(denied, said)


def test_only_listed_families_are_kinds_of_happening_a_verb_names() -> None:
    cues = load_vocabulary(ReportingVocabulary)
    assert cues.declared_family("FIGHT") == cues.declared_family("ASSAULT") == "violence"
    assert cues.declared_family("CONSULT") is None
    assert cues.family("CONSULT") == "consult"


def _statements(nlp: Language, text: str) -> list[Claim]:
    """The claims of ``text`` as the ledger makes them when the events stage found no
    happening in it: the case where only the statement's verb can name the happening."""
    doc = nlp(text)
    ledger = ClaimsLedger(load_vocabulary(ReportingVocabulary))
    result = ledger.run(doc, doc_index(doc), doc._.sitroom_entities, [], doc._.sitroom_places)
    return list(result.claims)


@pytest.mark.model
def test_a_reported_shooting_is_a_statement_of_the_violence_family(nlp: Language) -> None:
    [claim] = _statements(nlp, "Prosecutors say Marek Dvorak shot Anna Kovac in Brno.")
    assert claim.proposition is not None
    assert claim.proposition.kind == "statement"
    assert claim.proposition.family == "violence"
    assert claim.proposition.actors == ["Marek Dvorak"]
    assert claim.proposition.place == "Brno"


@pytest.mark.model
def test_a_verb_that_names_no_happening_gives_no_family(nlp: Language) -> None:
    [claim] = _statements(nlp, "Prosecutors say Marek Dvorak phoned Anna Kovac twice.")
    assert claim.proposition is not None
    assert claim.proposition.family is None
    assert claim.proposition.actors == [] and claim.proposition.place is None


@pytest.mark.model
def test_within_an_article_a_plea_denies_the_reported_shooting(nlp: Language) -> None:
    text = (
        "Prosecutors say Marek Dvorak shot Anna Kovac. "
        "Dvorak pleaded not guilty to two murder charges."
    )
    doc = nlp(text)
    result = ClaimsLedger(load_vocabulary(ReportingVocabulary)).run(
        doc, doc_index(doc), doc._.sitroom_entities, [], doc._.sitroom_places
    )
    said, plea = result.claims
    assert (said.stance, plea.stance) == ("assert", "deny")
    [contradiction] = result.contradictions
    assert contradiction.claims == (said.id, plea.id)
