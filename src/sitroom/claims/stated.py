"""What a claim's proposition says of a truce, a figure or the hurt, read from the
``Proposition`` alone, so that the store's cross-article matching (``corpus.claims``) meets the
disputes the readers of one article meet on the parse (``claims/truces.py``,
``claims/overstated.py``). Kept free of spaCy: a proposition is a subject and a predicate of
lemmas, the verb first ("troop" / "break ceasefire", "ceasefire" / "hold", "figure" /
"inflate"). The words are those of ``data/reporting.yaml`` the readers use: ``truce_nouns``,
``truce_breaking_verbs``, ``truce_holding_verbs``, ``truce_keeping_verbs``, ``tally_nouns``,
``overstatement_words``.
"""

from __future__ import annotations

from functools import cache

from sitroom.claims.holding import HARM_MEASURES
from sitroom.lang.vocabulary import load_vocabulary
from sitroom.lang.vocabulary.reporting import ReportingVocabulary
from sitroom.model import Count, Proposition

HOLDS, BROKEN = "holds", "broken"  # what a claim says of a truce


@cache
def _cues() -> ReportingVocabulary:
    return load_vocabulary(ReportingVocabulary)


def _words(proposition: Proposition) -> tuple[str, list[str], str]:
    """The predicate's verb, the words after it, and the subject's last word, case-folded."""
    predicate = (proposition.predicate or "").casefold().split()
    subject = (proposition.subject or "").casefold().split()
    verb = predicate[0] if predicate else ""
    return verb, predicate[1:], subject[-1] if subject else ""


def truce_said(proposition: Proposition, stance: str) -> str | None:
    """``HOLDS`` or ``BROKEN`` when a claim says a truce holds or was broken: a breaking verb
    of a truce as object or passive subject ("the rebels violated the ceasefire", "the truce
    was breached"), a holding verb of a truce as subject ("the ceasefire was holding"), a
    keeping verb of a truce ("federal troops respected the truce"), of a statement or of a
    happening its verb names. A denial of a breach holds the truce ("had not violated the
    truce"); a denial whose words say the truce holds is none to read here: one article's
    holding claim is made the denial of the breach told in it (``claims/truces.py``), in the
    words of the holding, and cannot be told from "the truce no longer holds"."""
    if stance not in {"assert", "deny"}:
        return None
    cues = _cues()
    verb, rest, subject = _words(proposition)
    of_truce = bool(set(rest) & cues.truce_nouns)  # the truce as object
    truce_subject = subject in cues.truce_nouns and not rest  # "the truce was breached"
    held = verb in cues.truce_holding_verbs and subject in cues.truce_nouns
    kept = verb in cues.truce_keeping_verbs and (of_truce or truce_subject)
    state = HOLDS if held or kept else None
    if verb in cues.truce_breaking_verbs and (of_truce or truce_subject):
        state = BROKEN
    if state is None or (stance == "deny" and state == HOLDS):
        return None
    return state if stance == "assert" else HOLDS


def truce_doer(proposition: Proposition) -> str | None:
    """Who a claim of a truce says broke or kept it, by the subject's last word: "troop" of
    "federal troops respected the truce"; none when the truce is the subject."""
    _, _, subject = _words(proposition)
    return subject if subject and subject not in _cues().truce_nouns else None


def figure_called_false(proposition: Proposition) -> bool:
    """Whether a claim calls a figure too high or made up ("the opposition's figure of 43
    dead was inflated"): a tally noun as subject of an overstatement word, with the counts
    the figure gives."""
    cues = _cues()
    verb, _, subject = _words(proposition)
    return (
        bool(proposition.counts)
        and subject in cues.tally_nouns
        and verb in cues.overstatement_words
    )


def figure_given(figure: Proposition, account: Proposition) -> bool:
    """Whether ``account`` gives the figure ``figure`` calls false: a count of one of its
    measures whose range meets the figure's (43 dead and "killed 43 civilians")."""
    return any(
        a.measure == b.measure and not a.excludes(b) for a in figure.counts for b in account.counts
    )


def hurt_are_doers(said: Proposition, denied: Proposition) -> bool:
    """Whether ``said`` counts only the dead or hurt of those ``denied`` names as the doers
    of what it denies ("20 officers were injured" against "officers fired on the crowd"):
    what was done to them is not what they are said not to have done."""
    if said.actors or not said.counts or not denied.subject:
        return False
    doer = denied.subject.casefold().split()[-1]
    harm: list[Count] = [c for c in said.counts if c.measure in HARM_MEASURES]
    return len(harm) == len(said.counts) and any(
        doer in {w.casefold() for w in c.what} for c in harm
    )


__all__ = [
    "BROKEN",
    "HOLDS",
    "figure_called_false",
    "figure_given",
    "hurt_are_doers",
    "truce_doer",
    "truce_said",
]
