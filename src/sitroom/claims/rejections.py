"""Rejections answered elsewhere: "Sudan rejected South Sudan's accusations", in an article
that does not say what South Sudan accuses it of. The rejection denies whatever its owner says
the rejecting party did, which another article may report ("South Sudan accused Sudan of bombing
the camp"); so its proposition names the party as the doer of an unnamed happening and the
owner as who says so (``subject``), for the corpus layer to meet those reports
(``corpus.claims.answers``). A rejection that names no owner ("denied the claims") says too
little to meet anything outside its article."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sitroom.claims.contradictions import RawClaim
from sitroom.model import Claim, Contradiction, Proposition

# The predicate of such a proposition: what the owner says of the party.
ACCUSED = "accuse"


def rejected_accusations(
    claims: Sequence[Claim],
    raw: Sequence[RawClaim],
    found: Sequence[Contradiction],
    names: Mapping[str, str],
) -> list[Claim]:
    """``claims`` where a denial of a named owner's claims that meets no claim of its article
    states that the owner accuses the denier."""
    answered = {c for k in found for c in k.claims}
    out = list(claims)
    for n, (claim, said) in enumerate(zip(claims, raw, strict=True)):
        if said.stance != "deny" or said.owner is None or said.denies is not None:
            continue
        if claim.id in answered or said.owner not in names:
            continue
        # the party by its name, else the claimant's words ("Sudan", a country the actors
        # stage took for a place)
        party = (
            names.get(claim.side or "") or names.get(claim.claimant or "") or claim.claimant_text
        )
        owner = names[said.owner]
        if party is None or party == owner:
            continue
        date = claim.proposition.date if claim.proposition is not None else None
        out[n] = claim.model_copy(
            update={
                "proposition": Proposition(
                    kind="event",
                    actors=[party],
                    responsibility=True,
                    subject=owner,
                    predicate=ACCUSED,
                    date=date,
                    text=f"what {owner} accuses {party} of",
                )
            }
        )
    return out


__all__ = ["ACCUSED", "rejected_accusations"]
