"""The claims bench's predictions, their matching to the gold and the scores, as the docstring
of ``bench/_claims_gold.py`` defines them (the gold files and texts are read there)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from _arguments_gold import distance_km
from _claims_gold import (
    FAMILIES,
    PLACE_RADIUS_KM,
    GoldClaim,
    GoldCluster,
    GoldContradiction,
    GoldProposition,
    GoldSpan,
    gold_contradictions,
)
from sitroom.model import Extraction

if TYPE_CHECKING:
    from sitroom.store import Store


# --- predictions and matching ---------------------------------------------------------------


@dataclass(frozen=True)
class PredictedClaim:
    document: str  # gold document id
    id: str
    span: tuple[int, int]
    stance: str  # assert | deny
    claimant: str | None = None  # a name, None when sitroom names no claimant
    claimant_aliases: tuple[str, ...] = ()
    claimant_mentions: tuple[tuple[int, int], ...] = ()
    event_type: str | None = None
    event_place: str | None = None
    event_lat: float | None = None
    event_lon: float | None = None
    text: str = ""  # the claim's text, for listing misses
    # The claim's own proposition (``Claim.proposition``): kind, event family, place name.
    proposition_kind: str | None = None
    proposition_family: str | None = None
    proposition_place: str | None = None


@dataclass(frozen=True)
class PredictedContradiction:
    first: tuple[str, str]  # (gold document id, predicted claim id)
    second: tuple[str, str]


def predicted_claims(extraction: Extraction, document: str) -> list[PredictedClaim]:
    """sitroom's claims of one document, with claimant and linked event looked up."""
    entities = {e.id: e for e in extraction.entities}
    events = {e.id: e for e in extraction.events}
    places = {p.id: p for p in extraction.places}
    found = []
    for claim in extraction.claims:
        entity = entities.get(claim.claimant or "")
        event = events.get(claim.event or "")
        place = places.get(event.place or "") if event is not None else None
        found.append(
            PredictedClaim(
                document=document,
                id=claim.id,
                span=claim.span,
                stance=claim.stance,
                claimant=entity.name
                if entity is not None
                else claim.claimant_text or claim.claimant,
                claimant_aliases=tuple(entity.aliases) if entity is not None else (),
                claimant_mentions=(
                    tuple(entity.mentions)
                    if entity is not None
                    else (claim.claimant_span,)
                    if claim.claimant_span is not None
                    else ()
                ),
                event_type=event.type if event is not None else None,
                event_place=place.name if place is not None else None,
                event_lat=place.lat if place is not None else None,
                event_lon=place.lon if place is not None else None,
                text=claim.text,
                proposition_kind=claim.proposition.kind if claim.proposition else None,
                proposition_family=claim.proposition.family if claim.proposition else None,
                proposition_place=claim.proposition.place if claim.proposition else None,
            )
        )
    return found


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def overlapping(predicted: PredictedClaim, gold: GoldClaim) -> bool:
    if predicted.document != gold.document:
        return False
    spans = [gold.content] + ([gold.cue] if gold.cue is not None else [])
    return any(_overlap(predicted.span, (s[0], s[1])) > 0 for s in spans)


_STANCE = {"assert": "asserts", "deny": "denies"}


def pair_claims(
    predicted: Sequence[PredictedClaim], gold: Sequence[GoldClaim]
) -> dict[str, PredictedClaim]:
    """Gold claim ref -> its one-to-one paired prediction (see the module docstring)."""
    candidates = []
    for p in predicted:
        for n, g in enumerate(gold):
            if not overlapping(p, g):
                continue
            content = _overlap(p.span, (g.content[0], g.content[1]))
            cue = _overlap(p.span, (g.cue[0], g.cue[1])) if g.cue else 0
            agree = _STANCE.get(p.stance) == g.stance
            candidates.append(((-content, -cue, not agree, n), p, g))
    paired: dict[str, PredictedClaim] = {}
    used: set[tuple[str, str]] = set()
    for _, p, g in sorted(candidates, key=lambda c: c[0]):
        if g.ref in paired or (p.document, p.id) in used:
            continue
        paired[g.ref] = p
        used.add((p.document, p.id))
    return paired


def _fold(names: Iterable[str | None]) -> set[str]:
    return {n.casefold().strip() for n in names if n}


def claimant_right(
    predicted: PredictedClaim, gold: GoldClaim, spans: dict[str, tuple[GoldSpan, ...]]
) -> bool:
    if predicted.claimant is None:
        return False
    for claimant in gold.claimants:
        names = _fold([claimant.name, *claimant.aliases])
        if _fold([predicted.claimant, *predicted.claimant_aliases]) & names:
            return True
        for start, end, _ in spans.get(claimant.key, ()):
            if any(_overlap(m, (start, end)) > 0 for m in predicted.claimant_mentions):
                return True
    return False


def proposition_right(predicted: PredictedClaim, gold: GoldProposition) -> bool:
    if predicted.event_type is None or predicted.event_type not in FAMILIES.get(
        gold.family or "", frozenset()
    ):
        return False
    place = gold.place
    if place is None:
        return True
    if (
        place.lat is not None
        and place.lon is not None
        and predicted.event_lat is not None
        and predicted.event_lon is not None
        and distance_km(predicted.event_lat, predicted.event_lon, place.lat, place.lon)
        <= PLACE_RADIUS_KM
    ):
        return True
    return bool(_fold([predicted.event_place]) & _fold([place.name, *place.aliases]))


def stated_right(predicted: PredictedClaim, gold: GoldProposition) -> bool:
    """The claim's own proposition against the gold one: the same kind; for an event the same
    family and, when the gold names a place, a place of that name or alias."""
    if predicted.proposition_kind != gold.kind:
        return False
    if gold.kind != "event":
        return True
    if predicted.proposition_family != gold.family:
        return False
    place = gold.place
    return place is None or bool(
        _fold([predicted.proposition_place]) & _fold([place.name, *place.aliases])
    )


# --- scores ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Ratio:
    right: int = 0
    total: int = 0

    def add(self, other: Ratio) -> Ratio:
        return Ratio(self.right + other.right, self.total + other.total)


@dataclass(frozen=True)
class ClusterScore:
    """What one cluster contributes to the table; summed over a half by ``add``."""

    documents: int = 0
    gold_claims: int = 0
    found: int = 0
    predicted: int = 0
    predicted_right: int = 0
    claimant: Ratio = Ratio()
    unknown: Ratio = Ratio()  # right = found claims whose prediction names no claimant
    stance: Ratio = Ratio()
    proposition: Ratio = Ratio()
    linked: Ratio = Ratio()  # found event claims whose prediction has a linked event
    stated: Ratio = Ratio()  # found claims whose own proposition is right (``stated_right``)
    # per kind (within | across): (gold, gold found, predicted, predicted right)
    contradictions: dict[str, tuple[int, int, int, int]] = field(default_factory=dict)
    misses: tuple[str, ...] = ()

    def add(self, other: ClusterScore) -> ClusterScore:
        kinds = set(self.contradictions) | set(other.contradictions)
        return ClusterScore(
            self.documents + other.documents,
            self.gold_claims + other.gold_claims,
            self.found + other.found,
            self.predicted + other.predicted,
            self.predicted_right + other.predicted_right,
            self.claimant.add(other.claimant),
            self.unknown.add(other.unknown),
            self.stance.add(other.stance),
            self.proposition.add(other.proposition),
            self.linked.add(other.linked),
            self.stated.add(other.stated),
            {k: _sum4(self.contradictions.get(k), other.contradictions.get(k)) for k in kinds},
            self.misses + other.misses,
        )


def _sum4(
    a: tuple[int, int, int, int] | None, b: tuple[int, int, int, int] | None
) -> tuple[int, int, int, int]:
    a, b = a or (0, 0, 0, 0), b or (0, 0, 0, 0)
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3])


def _contradiction_right(
    p: PredictedContradiction,
    gold: GoldContradiction,
    matches: dict[tuple[str, str], set[str]],
) -> bool:
    first, second = matches.get(p.first, set()), matches.get(p.second, set())
    return any((a in first and b in second) or (a in second and b in first) for a, b in gold.pairs)


def _described(claim: tuple[str, str], texts: dict[tuple[str, str], str]) -> str:
    return f"{claim[0][-30:]}/{claim[1]} {texts.get(claim, '')[:60]!r}"


def score_cluster(
    cluster: GoldCluster,
    predicted: Sequence[PredictedClaim],
    contradictions: Sequence[PredictedContradiction],
) -> ClusterScore:
    gold = list(cluster.claims.values())
    by_doc = {d.id: d for d in cluster.documents}
    paired = pair_claims(predicted, gold)
    matches = {(p.document, p.id): {g.ref for g in gold if overlapping(p, g)} for p in predicted}
    texts = {(p.document, p.id): p.text for p in predicted}
    claimant = unknown = stance = proposition = linked = stated = Ratio()
    misses: list[str] = []
    for g in gold:
        p = paired.get(g.ref)
        if p is None:
            misses.append(f"{cluster.id} missed {g.ref} {g.stance}: {g.content[2][:70]!r}")
            continue
        if g.claimants:
            right = claimant_right(p, g, by_doc[g.document].claimant_spans)
            claimant = claimant.add(Ratio(int(right), 1))
            unknown = unknown.add(Ratio(int(p.claimant is None), 1))
            if not right:
                misses.append(
                    f"{cluster.id} claimant {g.ref}: gold {g.claimants[0].name!r}, "
                    f"sitroom {p.claimant!r}"
                )
        stance = stance.add(Ratio(int(_STANCE.get(p.stance) == g.stance), 1))
        if _STANCE.get(p.stance) != g.stance:
            misses.append(f"{cluster.id} stance {g.ref}: gold {g.stance}, {p.text[:60]!r}")
        stated = stated.add(Ratio(int(stated_right(p, g.proposition)), 1))
        if g.proposition.kind == "event":
            proposition = proposition.add(Ratio(int(proposition_right(p, g.proposition)), 1))
            linked = linked.add(Ratio(int(p.event_type is not None), 1))
    for p in predicted:
        if not matches[(p.document, p.id)]:
            misses.append(
                f"{cluster.id} unmatched prediction {p.document[-30:]}/{p.id}: {p.text[:70]!r}"
            )
    counts: dict[str, tuple[int, int, int, int]] = {}
    gold_k = gold_contradictions(cluster)
    for kind in ("within", "across"):
        golds = [c for c in gold_k if c.kind == kind]
        preds = [p for p in contradictions if (p.first[0] == p.second[0]) == (kind == "within")]

        def fits(p: PredictedContradiction, c: GoldContradiction) -> bool:
            return {p.first[0], p.second[0]} == set(c.documents) and _contradiction_right(
                p, c, matches
            )

        found = sum(any(fits(p, c) for p in preds) for c in golds)
        right = sum(any(fits(p, c) for c in golds) for p in preds)
        counts[kind] = (len(golds), found, len(preds), right)
        misses.extend(
            f"{cluster.id} contradiction not found: {c.dispute} {kind} "
            f"{' / '.join(d[-30:] for d in c.documents)}"
            for c in golds
            if not any(fits(p, c) for p in preds)
        )
        misses.extend(
            f"{cluster.id} wrong contradiction ({kind}): "
            f"{_described(p.first, texts)} vs {_described(p.second, texts)}"
            for p in preds
            if not any(fits(p, c) for c in golds)
        )
    return ClusterScore(
        documents=len(cluster.documents),
        gold_claims=len(gold),
        found=len(paired),
        predicted=len(predicted),
        predicted_right=sum(bool(m) for m in matches.values()),
        claimant=claimant,
        unknown=unknown,
        stance=stance,
        proposition=proposition,
        linked=linked,
        stated=stated,
        contradictions=counts,
        misses=tuple(misses),
    )


def score_stored(
    cluster: GoldCluster, extractions: Sequence[Extraction], store: Store
) -> ClusterScore:
    """Add the cluster's extractions (in the order of its documents) to an empty, migrated
    ``store`` one at a time, as articles arrive, link the contradictions across them, as the
    intake service does, and score what the store gives back."""
    for extraction in extractions:
        store.add(extraction)
    store.link_cross_contradictions([x.document.id for x in extractions])
    gold_id = {x.document.id: d.id for x, d in zip(extractions, cluster.documents, strict=True)}
    predicted = []
    contradictions = []
    for document_id, doc in gold_id.items():
        stored = store.get_extraction(document_id)
        assert stored is not None, doc
        predicted.extend(predicted_claims(stored, doc))
        contradictions.extend(
            PredictedContradiction((doc, k.claims[0]), (doc, k.claims[1]))
            for k in stored.contradictions
        )
    contradictions.extend(
        PredictedContradiction(
            (gold_id[row.assert_document], row.assert_claim),
            (gold_id[row.deny_document], row.deny_claim),
        )
        for row in store.cross_contradictions()
        if row.assert_document in gold_id and row.deny_document in gold_id
    )
    return score_cluster(cluster, predicted, contradictions)
