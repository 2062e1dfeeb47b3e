"""What a denial says once its article's contradictions are found: the proposition of the
claim it refers back to ("the army denied the claim"), the happening and the doers of the
assertion it contradicts. Kept apart from the finding itself (``claims.contradictions``), which
only pairs claims; this rewrites the claims so paired, for the store and the other articles."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sitroom.claims.contradictions import side_key
from sitroom.claims.raw import RawClaim
from sitroom.claims.targets import unnamed_own_doers
from sitroom.model import Claim, Contradiction


def restate_denials(
    claims: Sequence[Claim], raw: Sequence[RawClaim], found: Sequence[Contradiction]
) -> list[Claim]:
    """``claims`` where a denial that refers back ("the army denied the claim", "dismissed the
    rebels' claim") or clears the accused ("his client was innocent") states the proposition of
    the first claim it contradicts: it denies what that claim asserts, so that it meets the
    other reports of it in other articles."""
    number = {c.id: n for n, c in enumerate(claims)}
    out = list(claims)
    for contradiction in found:
        a, b = (number[c] for c in contradiction.claims)
        denial = raw[b]
        if denial.stance != "deny" or denial.denies is not None:
            continue
        if not (denial.refers_back or denial.cleared is not None):
            continue
        if out[b] is claims[b] and claims[a].proposition is not None:
            out[b] = claims[b].model_copy(update={"proposition": claims[a].proposition})
    return out


def anchor_denials(
    claims: Sequence[Claim], raw: Sequence[RawClaim], found: Sequence[Contradiction]
) -> list[Claim]:
    """``claims`` where a denial is anchored to what the first assertion it contradicts in its
    article is about: the article tells what is denied. A denial about no happening of its own
    takes that assertion's ("An Oklahoma man pleaded not guilty to murder charges ...
    Prosecutors allege Simpson shot Flynn"; "there were no casualties" after the army's report
    of a raid); a denying word that names no doer ("denied", "pleaded not guilty") takes its
    doers, while content that says something is not so ("there were no casualties") names no
    act and takes none. So anchored, a denial meets the other articles' claims about that
    happening or by those doers (``corpus.claims.anchored``), not every claim of its family."""
    number = {c.id: n for n, c in enumerate(claims)}
    out = list(claims)
    for contradiction in found:
        a, b = (number[c] for c in contradiction.claims)
        if out[b].stance != "deny":
            continue
        update: dict[str, object] = {}
        if out[b].event is None and claims[a].event is not None:
            update["event"] = claims[a].event
        said, denied = claims[a].proposition, out[b].proposition
        if (
            not raw[b].negated
            and said is not None
            and denied is not None
            and said.actors
            and not denied.actors
            and said.family is not None
            and said.family == denied.family
        ):
            by = " and ".join(said.actors)
            doers = {"actors": list(said.actors), "text": f"{denied.text} by {by}"}
            update["proposition"] = denied.model_copy(update=doers)
        if update:
            out[b] = out[b].model_copy(update=update)
    return out


def settle_denials(
    claims: Sequence[Claim],
    raw: Sequence[RawClaim],
    found: Sequence[Contradiction],
    names: Mapping[str, str] | None = None,
) -> list[Claim]:
    """``claims`` with what their article's contradictions tell of their denials: the
    proposition of the claim a denial refers back to, the happening and doers of the assertion
    it contradicts. With the actors' ``names``, a denial of what the denier's own people did
    names no doer but the one that assertion names (``targets.unnamed_own_doers``)."""
    # the stance contradiction finding settled ("the figure was inflated" denies, ``overstated``)
    claims = [
        c if c.stance == r.stance else c.model_copy(update={"stance": r.stance})
        for c, r in zip(claims, raw, strict=True)
    ]
    if names is not None:
        claims = unnamed_own_doers(claims, raw, names, side_key)
    return anchor_denials(restate_denials(claims, raw, found), raw, found)


__all__ = ["anchor_denials", "restate_denials", "settle_denials"]
