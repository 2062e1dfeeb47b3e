"""Bodies as sides when claims are compared.

One body, two countries: "Armenia's defence ministry" and "Azerbaijan's defence ministry" of
one article, which the actors stage may make one actor named by the body alone ("defence
ministry"), are two sides when claims are compared. A side named by ``body_nouns`` and
``side_words`` alone (``data/reporting.yaml``) whose claimants' own words give it two or more
countries is split by country for the comparison; a claim of that body whose words give it no
country ("the ministry's spokesman") may be either one's, so it takes no side. A body that
one country qualifies, or none, stays one side, as before: its spokesman is of it.

A speaker the text names by a role and a body noun alone ("a ministry spokesman", "an army
official"; role nouns ``person_cues`` of ``data/roles.yaml`` and ``member_nouns``) and no
known actor speaks for the one side of the article that body nouns name so ("Georgia's
interior ministry"): never against his own body. With two such sides, or none, he takes none
of them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache

from sitroom.lang.sides import side_key
from sitroom.lang.vocabulary import load_vocabulary
from sitroom.lang.vocabulary.actors import RolesVocabulary
from sitroom.lang.vocabulary.reporting import ReportingVocabulary
from sitroom.model import Claim

COUNTRY = "country:"  # how ``lang.sides.side_key`` names a country's side
_POSSESSIVES = ("'s", "’s")


@cache
def _cues() -> ReportingVocabulary:
    return load_vocabulary(ReportingVocabulary)


def _words(name: str) -> list[str]:
    folded = name.casefold()
    for mark in _POSSESSIVES:
        folded = folded.replace(mark, " ")
    return folded.split()


def _body_words(name: str) -> list[str]:
    """The words of a side named by body nouns and side words alone ("defence ministry",
    "the Army"), else none."""
    cues = _cues()
    words = [cues.spelling_variants.get(w, w) for w in _words(name)]
    if not any(w in cues.body_nouns for w in words):
        return []
    if not all(w in cues.body_nouns or w in cues.side_words for w in words):
        return []
    return [w for w in words if w not in cues.side_words or w in cues.body_nouns]


def _country_name(claim: Claim, name: str) -> str | None:
    """The body's name with the words before it in the claimant's own words, when these make
    it a country's ("armenia defence ministry" of "Armenia's defence ministry said")."""
    body = _body_words(name)
    cues = _cues()
    words = [cues.spelling_variants.get(w, w) for w in _words(claim.claimant_text or "")]
    if not body or body[0] not in words:
        return None
    before = words[: words.index(body[0])]
    if not before:
        return None
    full = " ".join([*before, *body])
    return full if side_key(full).startswith(COUNTRY) else None


def split_bodies(
    claims: Sequence[Claim], names: Mapping[str, str]
) -> tuple[list[Claim], dict[str, str]]:
    """``claims`` and ``names`` where a body side that the claimants' words give two countries
    is one side per country (a new side id, named with the country), and its claims that name
    no country take none."""
    countries: dict[str, set[str]] = {}
    for claim in claims:
        side = claim.side
        if side is not None and side in names and (full := _country_name(claim, names[side])):
            countries.setdefault(side, set()).add(side_key(full))
    split = {side for side, keys in countries.items() if len(keys) > 1}
    if not split:
        return list(claims), dict(names)
    out: list[Claim] = []
    named = dict(names)
    for claim in claims:
        if claim.side is None or claim.side not in split:
            out.append(claim)
            continue
        full = _country_name(claim, names[claim.side])
        if full is None:
            update: dict[str, str | None] = {"side": None, "claimant": None, "claimant_text": None}
        else:
            side = f"{claim.side}:{side_key(full)}"
            named[side] = full
            update = {"side": side}
        out.append(claim.model_copy(update=update))
    return out, named


@cache
def _role_nouns() -> frozenset[str]:
    return load_vocabulary(RolesVocabulary).person_cues | _cues().member_nouns


def _spokesman_bodies(claim: Claim) -> set[str]:
    """The body nouns of an unnamed speaker named by a role and a body ("a ministry
    spokesman"), else none."""
    if claim.side is not None or claim.claimant is not None or not claim.claimant_text:
        return set()
    words = set(_words(claim.claimant_text))
    if not words & _role_nouns():
        return set()
    return words & _cues().body_nouns


def unnamed_spokesmen(claims: Sequence[Claim], names: Mapping[str, str]) -> list[Claim]:
    """``claims`` where an unnamed speaker of a body ("a ministry spokesman") speaks for the one
    side of the article that names that body ("Georgia's interior ministry")."""
    out: list[Claim] = []
    for claim in claims:
        bodies = _spokesman_bodies(claim)
        if bodies:
            sides = {
                c.side
                for c in claims
                if c.side is not None
                and c.side in names
                and bodies <= set(_words(names[c.side])) | set(_words(c.claimant_text or ""))
            }
            if len(sides) == 1:
                claim = claim.model_copy(update={"side": sides.pop()})
        out.append(claim)
    return out


__all__ = ["split_bodies", "unnamed_spokesmen"]
