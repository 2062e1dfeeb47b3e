"""The claims gold set: its files, the texts it points to, the selection rule, and the scores.

Kept apart from ``bench/claims.py`` so the scoring can be tested on hand-made gold and
predictions without the spaCy model. The annotation standard is ``docs/annotation-claims.md``.

**Claim matching.** A predicted claim *overlaps* a gold claim of the same document when its
span overlaps the gold claim's content or cue span. Two uses:

- **precision**: a predicted claim is right when it overlaps some gold claim;
- **recall and attributes**: predictions and gold claims are paired one-to-one, greedily by
  the largest overlap with the gold content (then with the cue; ties go to the pair whose
  stances agree, then to the earlier gold claim), so that a sentence holding a claim and the
  claim it reports (*X denied Y's claim that P*) can be found twice by two predictions. A
  gold claim with a paired prediction is *found*.

Scores on found gold claims (all micro, pooled over the half):

- **claimant**: over found gold claims that name a claimant (gold ``claimants`` not empty):
  right when the prediction's claimant entity has a mention overlapping a mention span of one
  of the gold claimants in that document, or its name or an alias equals (case-folded) a gold
  claimant's name or alias. A claimant sitroom gives as a bare string is compared by name;
- **unknown share**: over the same claims, the share whose prediction has no claimant at all;
- **stance**: sitroom's ``assert``/``deny`` equals the gold ``asserts``/``denies``;
- **proposition**: over found gold claims whose proposition is an event: right when the
  prediction is linked to an event whose PLOVER type is in the gold family (``violence``:
  ASSAULT or FIGHT; ``coercion``: COERCE; ``protest``: PROTEST) and, when the gold names a
  place, whose place matches it: within 25 km when both have coordinates, otherwise by name or
  alias (case-folded);
- **stated**: over all found gold claims: the prediction's own proposition
  (``Claim.proposition``) is of the gold kind (event or statement) and, for an event, of the
  gold family and, when the gold names a place, at a place of that name or alias (case-folded).
  A statement's subject and predicate are not scored (the gold words them freely).

**Contradictions.** The gold contradictions are derived from the disputes (guideline section
5): one *within* an article per dispute and document holding claims of both sides, one
*across* articles per dispute and pair of documents holding opposite sides. A predicted
contradiction (two predicted claims) is right when the first overlaps a gold claim of one side
and the second a gold claim of the other side of one gold contradiction of the same kind
(order free; the documents must be the contradiction's). Precision: right predictions /
predictions, per kind; recall: gold contradictions with a right prediction / gold
contradictions, per kind.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from _arguments_gold import distance_km, read_wikinews
from sitroom.model import Extraction

GOLD_DIR = Path(__file__).resolve().parent / "gold" / "claims"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
ECBPLUS = SHARED / "eval-data/ecbplus-test-topics36-45"
WIKINEWS = SHARED / "eval-data/wikinews-2019-2020-vanatteveldt"
CORPUS = SHARED / "corpus"

PLACE_RADIUS_KM = 25.0
FAMILIES: dict[str, frozenset[str]] = {
    "violence": frozenset({"ASSAULT", "FIGHT"}),
    "coercion": frozenset({"COERCE"}),
    "protest": frozenset({"PROTEST"}),
}

GoldSpan = tuple[int, int, str]


@dataclass(frozen=True)
class GoldClaimant:
    key: str
    name: str
    aliases: tuple[str, ...]
    affiliation: str | None
    side: str | None


@dataclass(frozen=True)
class GoldPlace:
    key: str
    name: str
    aliases: tuple[str, ...]
    country: str | None
    lat: float | None
    lon: float | None


@dataclass(frozen=True)
class GoldProposition:
    kind: str  # event | statement
    family: str | None = None
    actor: str | None = None
    place: GoldPlace | None = None
    subject: str | None = None
    predicate: str | None = None


@dataclass(frozen=True)
class GoldClaim:
    ref: str  # "<document id>/<claim id>"
    document: str
    cue: GoldSpan | None
    content: GoldSpan
    claimants: tuple[GoldClaimant, ...]
    stance: str  # asserts | denies
    proposition: GoldProposition
    embedded_in: str | None = None


@dataclass(frozen=True)
class GoldDocument:
    id: str
    publisher: str | None
    date: dt.date | None
    claimant_spans: dict[str, tuple[GoldSpan, ...]]
    claims: tuple[GoldClaim, ...]


@dataclass(frozen=True)
class GoldDispute:
    id: str
    proposition: str
    kind: str
    side_a: tuple[str, ...]
    side_b: tuple[str, ...]


@dataclass(frozen=True)
class GoldContradiction:
    dispute: str
    kind: str  # within | across
    documents: tuple[str, ...]  # one document (within) or two, sorted (across)
    pairs: frozenset[tuple[str, str]]  # (side-a claim ref, side-b claim ref)


@dataclass(frozen=True)
class GoldCluster:
    id: str
    source: str  # ecbplus | wikinews | corpus
    split: str
    stage: int
    documents: tuple[GoldDocument, ...]
    disputes: tuple[GoldDispute, ...]
    path: Path | None = None

    @property
    def claims(self) -> dict[str, GoldClaim]:
        return {c.ref: c for d in self.documents for c in d.claims}


# --- reading the gold files ---------------------------------------------------------------


def _span(raw: Sequence[object] | None) -> GoldSpan | None:
    if raw is None:
        return None
    start, end, surface = raw
    return (int(str(start)), int(str(end)), str(surface))


def _date(raw: object) -> dt.date | None:
    if raw is None or isinstance(raw, dt.date):
        return raw
    return dt.date.fromisoformat(str(raw))


def parse_cluster(data: dict[str, Any], path: Path | None = None) -> GoldCluster:
    """One gold file as typed objects (claimant and place keys resolved)."""
    claimants = {
        key: GoldClaimant(
            key, c["name"], tuple(c.get("aliases") or ()), c.get("affiliation"), c.get("side")
        )
        for key, c in (data.get("claimants") or {}).items()
    }
    places = {
        key: GoldPlace(
            key,
            p["name"],
            tuple(p.get("aliases") or ()),
            p.get("country"),
            p.get("lat"),
            p.get("lon"),
        )
        for key, p in (data.get("places") or {}).items()
    }
    documents = []
    for d in data["documents"]:
        claims = []
        for c in d.get("claims") or []:
            p = c["proposition"]
            proposition = GoldProposition(
                kind=p["kind"],
                family=p.get("family"),
                actor=p.get("actor"),
                place=places[p["place"]] if p.get("place") else None,
                subject=p.get("subject"),
                predicate=p.get("predicate"),
            )
            content = _span(c["content"])
            assert content is not None, c["id"]
            embedded = c.get("embedded_in")
            claims.append(
                GoldClaim(
                    ref=f"{d['id']}/{c['id']}",
                    document=str(d["id"]),
                    cue=_span(c.get("cue")),
                    content=content,
                    claimants=tuple(claimants[k] for k in c.get("claimants") or ()),
                    stance=str(c["stance"]),
                    proposition=proposition,
                    embedded_in=f"{d['id']}/{embedded}" if embedded else None,
                )
            )
        spans = {
            key: tuple(s for s in (_span(raw) for raw in value) if s is not None)
            for key, value in (d.get("claimant_spans") or {}).items()
        }
        documents.append(
            GoldDocument(
                str(d["id"]), d.get("publisher"), _date(d.get("date")), spans, tuple(claims)
            )
        )
    disputes = tuple(
        GoldDispute(p["id"], p["proposition"], p["kind"], tuple(p["side_a"]), tuple(p["side_b"]))
        for p in data.get("disputes") or []
    )
    return GoldCluster(
        id=str(data["cluster"]),
        source=str(data["source"]),
        split=str(data["split"]),
        stage=int(data.get("stage") or 1),
        documents=tuple(documents),
        disputes=disputes,
        path=path,
    )


def load_gold(directory: Path = GOLD_DIR) -> list[GoldCluster]:
    return [
        parse_cluster(yaml.safe_load(path.read_text(encoding="utf-8")), path)
        for path in sorted(directory.glob("*.yaml"))
    ]


def gold_contradictions(cluster: GoldCluster) -> list[GoldContradiction]:
    """The contradictions a cluster's disputes imply (guideline section 5)."""
    claims = cluster.claims
    found: list[GoldContradiction] = []
    order = [d.id for d in cluster.documents]
    for dispute in cluster.disputes:
        a = [claims[r] for r in dispute.side_a]
        b = [claims[r] for r in dispute.side_b]
        for doc in order:
            pairs = {(x.ref, y.ref) for x in a for y in b if x.document == y.document == doc}
            if pairs:
                found.append(GoldContradiction(dispute.id, "within", (doc,), frozenset(pairs)))
        for first, second in itertools.combinations(order, 2):
            pairs = {
                (x.ref, y.ref) for x in a for y in b if {x.document, y.document} == {first, second}
            }
            if pairs:
                found.append(
                    GoldContradiction(dispute.id, "across", (first, second), frozenset(pairs))
                )
    return found


def misaligned(cluster: GoldCluster, texts: dict[str, str]) -> list[str]:
    """Spans whose surface is not the text at their offsets (a gold file out of step)."""
    problems = []
    for doc in cluster.documents:
        text = texts[doc.id]
        spans: list[GoldSpan] = [s for spans in doc.claimant_spans.values() for s in spans]
        for claim in doc.claims:
            spans.append(claim.content)
            if claim.cue is not None:
                spans.append(claim.cue)
        for start, end, surface in spans:
            if text[start:end] != surface:
                problems.append(
                    f"{doc.id} {start}-{end}: gold {surface!r}, text {text[start:end]!r}"
                )
    return problems


# --- the texts --------------------------------------------------------------------------------


def ecb_text(name: str) -> str:
    from _ecbplus import read_document  # imports the store; only needed for ECB+ clusters

    topic = name.split("_", maxsplit=1)[0]
    return read_document(ECBPLUS / topic / f"{name}.xml").text


def read_texts(clusters: Iterable[GoldCluster]) -> dict[str, str]:
    """Document id -> text, for every document of these clusters."""
    rows = {r["url"]: r for r in read_wikinews(WIKINEWS)} if WIKINEWS.is_dir() else {}
    texts: dict[str, str] = {}
    for cluster in clusters:
        for doc in cluster.documents:
            if cluster.source == "ecbplus":
                texts[doc.id] = ecb_text(doc.id)
            elif cluster.source == "wikinews":
                texts[doc.id] = rows[doc.id]["text"]
            else:
                texts[doc.id] = (CORPUS / doc.id).read_text(encoding="utf-8")
    return texts


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
