"""ECB+ reading and the scores of a mention grouping against its coreference chains.

Reads the CAT/CROMER XML of ECB+ (tokens, ``ACTION_*``/``NEG_ACTION_*`` markables, the
``CROSS_DOC_COREF`` and ``INTRA_DOC_COREF`` relations) and the list of annotated sentences.
The tokens are joined into plain text, one sentence per line, with a map from token id to its
character span, so that a system's character spans can be aligned to the gold tokens.
The last part reads the merge's view of the stored events (``Mention``, loaded as the store
loads them), to say which merge test keeps two mentions apart and to try rule variants; it
reads ``sitroom.corpus`` (each of its tests too: diagnosis only, the rules are not
changed).
``bench/merge.py`` runs the pipeline.
"""

from __future__ import annotations

import csv
import dataclasses
import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from pathlib import Path

from sitroom.corpus import (
    Mention,
    MentionKey,
    actors_meet,
    both_roles_meet,
    dates_meet,
    default_rules,
    place_relation,
    same_happening,
)
from sitroom.store import Store

Span = tuple[int, int]

# No space before these tokens, none after the opening ones.
_CLOSE = re.compile(r"^(?:[.,;:!?%)\]}]|'s|'S|n't|'re|'ve|'ll|'d|'m|''|\.\.\.)$")
_OPEN = {"(", "[", "{", "$", "``", "#"}


@dataclasses.dataclass(frozen=True)
class GoldMention:
    m_id: str
    tag: str
    tokens: frozenset[int]
    sentence: int
    chain: str  # cross-doc instance id, intra-doc relation id, or the mention's own id
    label: str  # the chain's TAG_DESCRIPTOR ("t41_drop_bombs_camp"), else the mention's tag


@dataclasses.dataclass(frozen=True)
class EcbDocument:
    name: str  # e.g. "36_1ecb"
    topic: int
    text: str
    token_spans: Mapping[int, Span]  # token id -> (start, end) in ``text``
    token_sentence: Mapping[int, int]
    mentions: Sequence[GoldMention]


def detokenise(tokens: Sequence[tuple[int, int, str]]) -> tuple[str, dict[int, Span]]:
    """(token id, sentence, word) in order -> text with one sentence per line, and spans."""
    parts: list[str] = []
    spans: dict[int, Span] = {}
    length = 0
    previous: tuple[int, str] | None = None
    before = ""  # the word before ``previous``
    for t_id, sentence, word in tokens:
        if previous is not None:
            if sentence != previous[0]:
                sep = "\n"
            elif _CLOSE.match(word) or previous[1] in _OPEN:
                sep = ""
            elif previous[1] in {".", ":"} and before.isdigit() and word.isdigit():
                sep = ""  # "2 : 53" is 2:53, "6 . 6" is 6.6
            else:
                sep = " "
            parts.append(sep)
            length += len(sep)
        spans[t_id] = (length, length + len(word))
        parts.append(word)
        length += len(word)
        before = previous[1] if previous is not None else ""
        previous = (sentence, word)
    return "".join(parts), spans


def read_document(path: Path) -> EcbDocument:
    root = ET.parse(path).getroot()
    name = path.name.removesuffix(".xml")
    topic = int(name.split("_")[0])
    tokens = [
        (int(node.get("t_id", "0")), int(node.get("sentence", "0")), node.text or "")
        for node in root.iter("token")
    ]
    # The "ecbplus" texts open with the URL they were found at, tokenised as sentence 0.
    skip_url = name.endswith("ecbplus")
    kept = [tok for tok in tokens if tok[2] and not (skip_url and tok[1] == 0)]
    text, spans = detokenise(kept)
    sentence_of = {t_id: sentence for t_id, sentence, _ in tokens}
    chains: dict[str, tuple[str, str]] = {}
    markables = root.find("Markables")
    descriptors = {
        node.get("m_id", ""): node.get("TAG_DESCRIPTOR", "")
        for node in (markables if markables is not None else [])
    }
    relations = root.find("Relations")
    for rel in relations if relations is not None else []:
        if rel.tag == "CROSS_DOC_COREF":
            chain = rel.get("note") or f"{name}:x{rel.get('r_id')}"
        elif rel.tag == "INTRA_DOC_COREF":
            chain = f"{name}:intra{rel.get('r_id')}"
        else:
            continue
        target = rel.find("target")
        label = descriptors.get(target.get("m_id", "") if target is not None else "", "")
        for source in rel.findall("source"):
            chains[source.get("m_id", "")] = (chain, label)
    mentions = []
    for node in markables if markables is not None else []:
        anchors = frozenset(int(a.get("t_id", "0")) for a in node.findall("token_anchor"))
        is_action = node.tag.startswith(("ACTION_", "NEG_ACTION_"))
        anchors = frozenset(a for a in anchors if a in spans)
        if not is_action or not anchors:  # instance descriptors have no anchors
            continue
        m_id = node.get("m_id", "")
        chain, label = chains.get(m_id, (f"{name}:{m_id}", node.tag))
        mentions.append(
            GoldMention(
                m_id=m_id,
                tag=node.tag,
                tokens=anchors,
                sentence=sentence_of[min(anchors)],
                chain=chain,
                label=label or node.tag,
            )
        )
    return EcbDocument(name, topic, text, spans, sentence_of, mentions)


def read_corpus(folder: Path) -> tuple[list[EcbDocument], set[tuple[str, int]]]:
    """Every document under ``folder``, and the (document, sentence) pairs that were annotated."""
    documents = [read_document(p) for p in sorted(folder.glob("*/*.xml"))]
    selected: set[tuple[str, int]] = set()
    with (folder / "ECBplus_coreference_sentences.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            selected.add((f"{row['Topic']}_{row['File']}", int(row["Sentence Number"])))
    return documents, selected


def tokens_in(spans: Mapping[int, Span], span: Span) -> frozenset[int]:
    """The tokens a character span overlaps."""
    start, end = span
    return frozenset(t for t, (a, b) in spans.items() if a < end and start < b)


def align(
    system: Sequence[tuple[Hashable, frozenset[int]]],
    gold: Sequence[tuple[Hashable, frozenset[int]]],
) -> dict[Hashable, Hashable]:
    """One-to-one system -> gold by token overlap, largest overlaps first (then input order)."""
    pairs = sorted(
        (-len(s_tokens & g_tokens), i, j)
        for i, (_, s_tokens) in enumerate(system)
        for j, (_, g_tokens) in enumerate(gold)
        if s_tokens & g_tokens
    )
    used_s: set[int] = set()
    used_g: set[int] = set()
    found: dict[Hashable, Hashable] = {}
    for _, i, j in pairs:
        if i not in used_s and j not in used_g:
            used_s.add(i)
            used_g.add(j)
            found[system[i][0]] = gold[j][0]
    return found


@dataclasses.dataclass(frozen=True)
class Scores:
    mentions: int
    gold_links: int
    system_links: int
    right_links: int
    pair_p: float
    pair_r: float
    pair_f: float
    b3_p: float
    b3_r: float
    b3_f: float


def _f(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score(items: Iterable[tuple[Hashable, Hashable]]) -> Scores:
    """Pairwise link and B-cubed P/R/F1 of (gold cluster, system cluster) per mention."""
    pairs = list(items)
    both = Counter(pairs)
    gold = Counter(g for g, _ in pairs)
    system = Counter(s for _, s in pairs)

    def links(counts: Counter[Hashable] | Counter[tuple[Hashable, Hashable]]) -> int:
        return sum(n * (n - 1) // 2 for n in counts.values())

    right, gold_links, system_links = links(both), links(gold), links(system)
    n = len(pairs)
    # B-cubed: per mention, |its gold ∩ system cluster| / |system cluster| (P), / |gold| (R).
    b3_p = sum(both[(g, s)] / system[s] for g, s in pairs) / n if n else 0.0
    b3_r = sum(both[(g, s)] / gold[g] for g, s in pairs) / n if n else 0.0
    pair_p = right / system_links if system_links else 0.0
    pair_r = right / gold_links if gold_links else 0.0
    return Scores(
        n, gold_links, system_links, right, pair_p, pair_r, _f(pair_p, pair_r),
        b3_p, b3_r, _f(b3_p, b3_r),
    )  # fmt: skip


# -- merge-rule diagnostics ------------------------------------------------------------------


def stored_mentions(store: Store, document_ids: Iterable[str]) -> dict[MentionKey, Mention]:
    """The merge's view of the stored events of ``document_ids``, by (document id, event id).

    Read with the store's own mention loader, so every field ``Store.add`` merged on (place and
    its basis, actor keys with affiliations and aliases, dates, publication date) is the one the
    rules see here."""
    return {m.key: m for m in store.merge_mentions(document_ids)}


def blocker(a: Mention, b: Mention) -> str:
    """The first test of ``same_happening`` that keeps two mentions apart (for diagnosis)."""
    rules = default_rules()
    if not rules.types_compatible(a.type, b.type):
        return "type differs"
    if rules.modality_group.get(a.modality, -1) != rules.modality_group.get(b.modality, -2):
        return "modality group differs"
    if dates_meet(a, b, rules) is None:
        return "dates apart"
    if not actors_meet(a, b, rules)[0]:
        return "actor1 differs"
    if a.place is not None and b.place is not None:
        relation = place_relation(a.place, b.place, rules)
        if relation is None:
            return "places differ"
        missing = "only the country shared"
    else:
        if len({p.country for p in (a.place, b.place) if p and p.country}) > 1:
            return "countries differ"
        missing = "no place on either side" if a.place is b.place else "place on one side only"
        relation = None
    if (relation is None or relation.strength != "same") and not both_roles_meet(a, b, rules):
        return f"{missing}, actors not both shared"
    return "would link" if same_happening(a, b, rules) else "?"


def _open_link(a: Mention, b: Mention) -> bool:
    """Every test of ``same_happening`` but the last: nothing conflicts (what-if helper)."""
    rules = default_rules()
    if not rules.types_compatible(a.type, b.type) or a.key == b.key:
        return False
    if rules.modality_group.get(a.modality, -1) != rules.modality_group.get(b.modality, -2):
        return False
    if dates_meet(a, b, rules) is None or not actors_meet(a, b, rules)[0]:
        return False
    if a.place is not None and b.place is not None:
        return place_relation(a.place, b.place, rules) is not None
    return len({p.country for p in (a.place, b.place) if p and p.country}) <= 1


def _current(a: Mention, b: Mention) -> bool:
    return same_happening(a, b) is not None


def _country_needs_actors(a: Mention, b: Mention) -> bool:
    """Current rules, but a country-level place ("same place Indonesia") is not a shared place:
    such a link needs the same two actors, as a link with no place does."""
    if not _current(a, b):
        return False
    wide = any(p is not None and p.kind == "country" for p in (a.place, b.place))
    return not wide or both_roles_meet(a, b, default_rules())


def _same_article(a: Mention, b: Mention) -> bool:
    """Current rules, plus: two mentions in one article link when nothing conflicts."""
    return _current(a, b) or (a.document_id == b.document_id and _open_link(a, b))


def _both_changes(a: Mention, b: Mention) -> bool:
    if a.document_id == b.document_id:
        return _same_article(a, b)
    return _country_needs_actors(a, b)


WHAT_IF: dict[str, Callable[[Mention, Mention], bool]] = {
    "current rules (recomputed)": _current,
    "A: country place != shared place": _country_needs_actors,
    "B: same article, no conflict": _same_article,
    "A + B": _both_changes,
}


__all__ = [
    "WHAT_IF",
    "EcbDocument",
    "GoldMention",
    "Scores",
    "align",
    "blocker",
    "detokenise",
    "read_corpus",
    "read_document",
    "score",
    "stored_mentions",
    "tokens_in",
]
