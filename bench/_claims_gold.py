"""The claims gold set: its files, the texts it points to, the selection rule, and the scores.

The predictions, the matching and the scores defined below are in ``bench/_claims_scores.py``.
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
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from _arguments_gold import read_wikinews

GOLD_DIR = Path(__file__).resolve().parent / "gold" / "claims"
# Stories written for the project (docs/annotation-claims.md, section 8): a dev half and a test
# half (``split``), their text in the file, scored apart from the real news
# (``bench/claims.py --synthetic``).
SYNTHETIC_DIR = Path(__file__).resolve().parent / "gold" / "claims-synthetic"
# Single-article reports written for the project (section 8): statements that look alike but
# are no dispute, and a few true disputes within one report; dev and test, scored apart as well.
REPORTS_DIR = Path(__file__).resolve().parent / "gold" / "claims-synthetic-reports"
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
    text: str | None = None  # only a synthetic story holds its text


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


def _span(raw: Sequence[object] | str | None, text: str | None = None) -> GoldSpan | None:
    """``[start, end, surface]``; in a synthetic story (``text`` given) also a bare surface,
    which must occur once in the text, or ``[surface, n]``, its n-th occurrence (from 0)."""
    if raw is None:
        return None
    if text is not None and (isinstance(raw, str) or len(raw) == 2):
        surface, nth = (raw, 0) if isinstance(raw, str) else (str(raw[0]), int(str(raw[1])))
        starts = [m.start() for m in re.finditer(re.escape(surface), text)]
        if isinstance(raw, str) and len(starts) != 1:
            raise ValueError(f"{surface!r} occurs {len(starts)} times; give [surface, n]")
        if nth >= len(starts):
            raise ValueError(f"{surface!r} has no occurrence {nth}")
        return (starts[nth], starts[nth] + len(surface), surface)
    start, end, surface = raw
    return (int(str(start)), int(str(end)), str(surface))


def _date(raw: object) -> dt.date | None:
    if raw is None or isinstance(raw, dt.date):
        return raw
    return dt.date.fromisoformat(str(raw))


def _named_spans(text: str, claimants: dict[str, GoldClaimant]) -> dict[str, tuple[GoldSpan, ...]]:
    """A synthetic story's claimant mentions: every whole-word occurrence of a claimant's name
    or alias (its text is written with the claimants in mind, so no mention is left out)."""
    spans: dict[str, tuple[GoldSpan, ...]] = {}
    for key, claimant in claimants.items():
        found = {
            (m.start(), m.end(), m.group())
            for name in (claimant.name, *claimant.aliases)
            for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text)
        }
        spans[key] = tuple(sorted(found))
    return spans


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
        text = d.get("text")
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
            content = _span(c["content"], text)
            assert content is not None, c["id"]
            embedded = c.get("embedded_in")
            claims.append(
                GoldClaim(
                    ref=f"{d['id']}/{c['id']}",
                    document=str(d["id"]),
                    cue=_span(c.get("cue"), text),
                    content=content,
                    claimants=tuple(claimants[k] for k in c.get("claimants") or ()),
                    stance=str(c["stance"]),
                    proposition=proposition,
                    embedded_in=f"{d['id']}/{embedded}" if embedded else None,
                )
            )
        spans = {
            key: tuple(s for s in (_span(raw, text) for raw in value) if s is not None)
            for key, value in (d.get("claimant_spans") or {}).items()
        }
        if text is not None and "claimant_spans" not in d:
            spans = _named_spans(text, claimants)
        documents.append(
            GoldDocument(
                str(d["id"]), d.get("publisher"), _date(d.get("date")), spans, tuple(claims), text
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
            if doc.text is not None:  # a synthetic story
                texts[doc.id] = doc.text
            elif cluster.source == "ecbplus":
                texts[doc.id] = ecb_text(doc.id)
            elif cluster.source == "wikinews":
                texts[doc.id] = rows[doc.id]["text"]
            else:
                texts[doc.id] = (CORPUS / doc.id).read_text(encoding="utf-8")
    return texts
