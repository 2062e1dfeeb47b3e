"""Contradictions across articles that are no happening's: a truce said broken in one outlet
and said to hold in another, a figure called inflated against the account that gives it, and
the hurt of a side that is no denial of what that side is said not to have done."""

from __future__ import annotations

import datetime as dt

from sitroom.claims.stated import (
    BROKEN,
    HOLDS,
    figure_called_false,
    hurt_are_doers,
    truce_doer,
    truce_said,
)
from sitroom.corpus.claims import TRUCE, SidedClaim, contradicts, proposition_key, reason
from sitroom.model import Count, Proposition


def _statement(subject: str, predicate: str, **more: object) -> Proposition:
    return Proposition(
        kind="statement",
        subject=subject,
        predicate=predicate,
        text=f"{subject} {predicate}",
        **more,  # type: ignore[arg-type]
    )


BREACH = _statement("militia", "violate truce")  # "the militia violated the truce"
HELD = _statement("truce", "stand")  # "the truce still stands"
KEPT = _statement("militia", "observe ceasefire")  # "the militia observed the ceasefire"
BREACHED = _statement("armistice", "breach")  # "the armistice was breached"


def _claim(
    document: str, stance: str, side: str | None, proposition: Proposition, happening: str | None
) -> SidedClaim:
    return SidedClaim(document, "c1", stance, side, proposition, happening)


def test_what_a_claim_says_of_a_truce_is_read_from_its_proposition() -> None:
    assert truce_said(BREACH, "assert") == BROKEN
    assert truce_said(BREACHED, "assert") == BROKEN
    assert truce_said(HELD, "assert") == HOLDS
    assert truce_said(KEPT, "assert") == HOLDS
    assert truce_said(BREACH, "deny") == HOLDS  # "had not violated the truce"
    # a holding made the denial of a breach in its article reads as "no longer holds" would
    assert truce_said(_statement("truce", "hold"), "deny") is None
    violated = BREACHED.model_copy(update={"kind": "event", "family": "reject"})
    assert truce_said(violated, "deny") == HOLDS  # "the armistice was not breached"
    assert truce_said(_statement("militia", "violate border"), "assert") is None
    assert truce_said(_statement("talks", "hold"), "assert") is None
    assert truce_doer(KEPT) == "militia" and truce_doer(HELD) is None
    assert proposition_key(BREACH) == proposition_key(HELD) == TRUCE


def test_a_truce_broken_against_one_held_by_two_sides_contradict() -> None:
    broken = _claim("a", "assert", "Valley Council", BREACH, None)
    kept = _claim("b", "assert", "Militia", KEPT, None)  # one doer named: one truce
    assert contradicts(broken, kept) and contradicts(kept, broken)
    assert "truce" in reason(kept, broken)
    held = _claim("b", "assert", "Militia", HELD, "h1")
    assert contradicts(_claim("a", "assert", "Valley Council", BREACH, "h1"), held)
    denied = _claim("b", "deny", "Militia", BREACH, None)
    assert contradicts(broken, denied)


def test_truce_claims_of_one_side_one_stance_or_no_common_tie_do_not() -> None:
    broken = _claim("a", "assert", "Valley Council", BREACH, None)
    assert not contradicts(broken, _claim("b", "assert", "Valley Council", KEPT, None))
    assert not contradicts(broken, _claim("b", "assert", "Militia", BREACHED, None))
    # "the truce still stands" of a truce the merge tied to no breach: truces are many
    assert not contradicts(broken, _claim("b", "assert", "Militia", HELD, None))
    assert not contradicts(broken, _claim("b", "assert", "Militia", HELD, "h2"))
    other = _statement("rebel", "observe ceasefire")
    assert not contradicts(broken, _claim("b", "assert", "Militia", other, None))


FIGURE = _statement(
    "figure",
    "inflate",
    killed=12,
    counts=[Count(measure="killed", low=12, high=12)],
)  # "the council's figure of 12 dead was inflated"
TOLL = Proposition(
    kind="event",
    family="violence",
    place="Dorla",
    date=dt.date(2025, 5, 3),
    killed=12,
    counts=[Count(measure="killed", what=["villager"], low=12, high=12)],
    text="FIGHT at Dorla",
)  # "shelling killed 12 villagers in Dorla"
PLACE = ("XX", "Dorla province", "city")


def test_a_figure_called_inflated_denies_the_account_that_gives_it_there() -> None:
    assert figure_called_false(FIGURE) and not figure_called_false(TOLL)
    said = SidedClaim("a", "c1", "assert", "Valley Council", TOLL, places=(PLACE,))
    denied = SidedClaim("b", "c1", "deny", "Army", FIGURE, places=(PLACE,))
    assert contradicts(said, denied) and contradicts(denied, said)
    other = FIGURE.model_copy(update={"counts": [Count(measure="killed", low=30, high=30)]})
    assert not contradicts(said, SidedClaim("b", "c1", "deny", "Army", other, places=(PLACE,)))
    far = ("YY", "Lake province", "city")
    assert not contradicts(said, SidedClaim("b", "c1", "deny", "Army", FIGURE, places=(far,)))
    assert not contradicts(said, SidedClaim("b", "c1", "deny", "Valley Council", FIGURE))


def test_the_hurt_of_a_side_do_not_meet_a_denial_of_what_it_did() -> None:
    hurt = Proposition(
        kind="event",
        family="violence",
        place="Dorla",
        counts=[Count(measure="injured", what=["guard"], low=9, high=9)],
        subject="guard",
        predicate="injure",
        text="FIGHT at Dorla (guard injure)",
    )  # "nine guards were wounded"
    fired = Proposition(
        kind="event",
        family="violence",
        place="Dorla",
        subject="guard",
        predicate="shoot",
        text="FIGHT at Dorla (guard shoot)",
    )  # "the guards did not shoot at the marchers"
    assert hurt_are_doers(hurt, fired)
    said = SidedClaim("a", "c1", "assert", "Guard", hurt)
    assert not contradicts(said, SidedClaim("b", "c1", "deny", "Marchers", fired))
    by_name = hurt.model_copy(
        update={"counts": [Count(measure="injured", what=["marcher"], low=9, high=9)]}
    )
    assert not hurt_are_doers(by_name, fired)
    assert contradicts(
        SidedClaim("a", "c1", "assert", "Guard", by_name),
        SidedClaim("b", "c1", "deny", "Marchers", fired),
    )
