"""Keep the corpus events (one row per happening, merged across articles) in step with the
stored articles: link each new article's events to matching stored ones, regroup the mentions
that the new links touch, and regroup again when an article is deleted.

Everything runs inside the caller's write transaction, so the corpus events change together
with the articles they come from. The rules are in ``sitroom.corpus``; this module does the SQL.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Iterator, Sequence
from typing import Any
from urllib.parse import urlsplit

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from sitroom.corpus import (
    DocumentInfo,
    Joined,
    LinkReason,
    Mention,
    MentionKey,
    MergeRules,
    PlaceRef,
    actor_keys,
    aggregate,
    components,
    could_meet,
    default_rules,
    fold,
    same_happening,
    window,
)
from sitroom.lang.places import area_precision
from sitroom.store import schema as t
from sitroom.store.engine import lock_derived_state
from sitroom.store.intake import ID_CHUNK, chunked

_REBUILD_CHUNK = 200  # documents linked per step of a full rebuild
_QUERY_SPAN_DAYS = 31  # an article whose events span more is matched event by event


@functools.cache
def _mentions_select() -> sa.Select[Any]:
    """The mention columns; built once (a select is immutable; ``where`` makes a new one)."""
    e, d, p = t.events, t.documents, t.places
    a1, a2 = t.entities.alias("a1"), t.entities.alias("a2")
    o1, o2 = t.entities.alias("o1"), t.entities.alias("o2")

    def entity(alias: Any, entity_id: Any) -> Any:
        return sa.and_(alias.c.document_id == e.c.document_id, alias.c.id == entity_id)

    return sa.select(
        e.c.document_id,
        e.c.id.label("event_id"),
        e.c.type,
        e.c.mode,
        e.c.cameo,
        e.c.quad,
        e.c.acled_event_type,
        e.c.acled_sub_event_type,
        e.c.modality,
        e.c.date_start,
        e.c.date_end,
        e.c.date_precision,
        e.c.fatalities,
        e.c.confidence,
        d.c.published,
        a1.c.name.label("a1_name"),
        a1.c.aliases.label("a1_aliases"),
        o1.c.name.label("o1_name"),
        a2.c.name.label("a2_name"),
        a2.c.aliases.label("a2_aliases"),
        o2.c.name.label("o2_name"),
        p.c.name.label("p_name"),
        p.c.kind.label("p_kind"),
        p.c.country.label("p_country"),
        p.c.admin1.label("p_admin1"),
        p.c.lat.label("p_lat"),
        p.c.lon.label("p_lon"),
        p.c.precision.label("p_precision"),
        e.c.place_basis,
        e.c.background,
        p.c.geonames_id.label("p_geonames_id"),
    ).select_from(
        e.join(d, d.c.id == e.c.document_id)
        .outerjoin(p, sa.and_(p.c.document_id == e.c.document_id, p.c.id == e.c.place))
        .outerjoin(a1, entity(a1, e.c.actor1))
        .outerjoin(a2, entity(a2, e.c.actor2))
        .outerjoin(o1, sa.and_(o1.c.document_id == e.c.document_id, o1.c.id == a1.c.affiliation))
        .outerjoin(o2, sa.and_(o2.c.document_id == e.c.document_id, o2.c.id == a2.c.affiliation))
    )


def _mention(row: Any) -> Mention:
    place = None
    if row.p_name is not None:
        place = PlaceRef(
            name=row.p_name,
            kind=row.p_kind,
            country=row.p_country,
            admin1=row.p_admin1,
            lat=row.p_lat,
            lon=row.p_lon,
            # A place taken from the article's focus is "in the area of" it.
            precision=(
                area_precision(row.p_precision)
                if row.place_basis == "document"
                else row.p_precision
            ),
            geonames_id=row.p_geonames_id,
        )
    return Mention(
        document_id=row.document_id,
        event_id=row.event_id,
        type=row.type,
        mode=row.mode,
        cameo=row.cameo,
        quad=row.quad,
        acled_event_type=row.acled_event_type,
        acled_sub_event_type=row.acled_sub_event_type,
        modality=row.modality,
        actor1=row.a1_name,
        actor2=row.a2_name,
        actor1_keys=actor_keys(row.a1_name, row.a1_aliases, row.o1_name),
        actor2_keys=actor_keys(row.a2_name, row.a2_aliases, row.o2_name),
        place=place,
        date_start=row.date_start,
        date_end=row.date_end,
        date_precision=row.date_precision,
        fatalities=row.fatalities,
        confidence=row.confidence,
        published=row.published,
        place_basis=row.place_basis,
        background=bool(row.background),
    )


def mentions_of_documents(conn: Connection, document_ids: Iterable[str]) -> list[Mention]:
    found: list[Mention] = []
    for chunk in chunked(sorted(set(document_ids)), ID_CHUNK):
        stmt = _mentions_select().where(t.events.c.document_id.in_(chunk))
        found.extend(_mention(row) for row in conn.execute(stmt))
    return found


def _candidates(
    conn: Connection,
    new: Sequence[Mention],
    rules: MergeRules,
    known: dict[MentionKey, Mention],
) -> list[Mention]:
    """Stored mentions of other articles that could match one of ``new`` (all of one
    document), by type, date and, where the dates are unknown, actors.

    The articles of one write ask for much the same stored mentions (their dates are near),
    each about seven times: so the filter reads only the keys, and the joined mention rows
    are read and built only for keys not in ``known`` (the write's mentions so far), which
    this adds them to.

    A coarse SQL filter; ``same_happening`` decides. It must never drop a true match, or the
    result would depend on which of two articles arrived first: across articles, a mention
    with no date at all links only when both sides name both actors, so that is required here
    of every candidate without a date when ``new`` has dates, and of every candidate when it
    has none (``_query_groups`` gives each mention without a date its own query). The
    article's own mentions are in memory already and not read again.
    """
    e, d = t.events, t.documents
    types = sorted(_kinds(new, rules))
    two_actors = sa.and_(e.c.actor1.is_not(None), e.c.actor2.is_not(None))
    windows = [window(m, rules) for m in new]
    if all(w is not None for w in windows):
        low = min(w[0] for w in windows if w) - rules.date_slack
        high = max(w[1] for w in windows if w) + rules.date_slack
        undated = sa.and_(e.c.date_start.is_(None), e.c.date_end.is_(None))
        matching = sa.or_(
            sa.and_(
                sa.func.coalesce(e.c.date_end, e.c.date_start) >= low,
                sa.func.coalesce(e.c.date_start, e.c.date_end) <= high,
            ),
            sa.and_(undated, d.c.published.between(low, high + rules.undated_window)),
            sa.and_(undated, d.c.published.is_(None), two_actors),
        )
    elif any(m.actor1_keys and m.actor2_keys for m in new):
        matching = two_actors
    else:
        return []
    stmt = (
        sa.select(e.c.document_id, e.c.id)
        .select_from(e.join(d, d.c.id == e.c.document_id))
        .where(e.c.type.in_(types), e.c.document_id != new[0].document_id, matching)
    )
    keys: list[MentionKey] = [(row.document_id, row.id) for row in conn.execute(stmt)]
    missing = [key for key in keys if key not in known]
    for chunk in chunked(missing, ID_CHUNK):
        rows = conn.execute(_mentions_select().where(sa.tuple_(e.c.document_id, e.c.id).in_(chunk)))
        known.update((m.key, m) for m in map(_mention, rows))
    return [known[key] for key in keys]


def _kinds(mentions: Iterable[Mention], rules: MergeRules) -> set[str]:
    """The event types that may be one happening with one of ``mentions``."""
    return {k for m in mentions for k in {m.type, *rules.compatible.get(m.type, ())}}


class _Linker:
    """Finds the links of one write, so that each group gets a spanning tree of links.

    The candidates of a query are kept in parts, one per group they are already joined in
    (``Joined``: stored corpus events, and links found earlier in this write). A mention is
    tested against the members of each other part until one matches, then the two parts are
    one. An article of n similar events so costs about n tests and n - 1 rows instead of
    n(n-1)/2 of each, and the groups are those that linking every matching pair would give.
    """

    def __init__(self, conn: Connection, rules: MergeRules) -> None:
        self.conn, self.rules = conn, rules
        self.joined = Joined()
        self.links: dict[tuple[MentionKey, MentionKey], LinkReason] = {}
        self._anchor: dict[str, MentionKey] = {}  # corpus event id -> a member seen
        self._seeded: set[str] = set()  # documents whose stored groups are in ``joined``
        self._known: dict[MentionKey, Mention] = {}  # stored mentions read (``_candidates``)

    def add(self, mentions: Sequence[Mention]) -> None:
        self._known.clear()  # kept for one call only: a rebuild's calls span the corpus
        by_document: dict[str, list[Mention]] = {}
        for m in mentions:
            by_document.setdefault(m.document_id, []).append(m)
        for article in by_document.values():
            for group in _query_groups(article, self.rules):
                self._link_group(group, article)

    def _seed(self, candidates: Sequence[Mention]) -> None:
        """Join the candidates that already share a stored corpus event."""
        documents = {m.document_id for m in candidates} - self._seeded
        if not documents:
            return
        self._seeded |= documents
        keys = {m.key for m in candidates if m.document_id in documents}
        for key, corpus_id in sorted(_membership(self.conn, keys).items()):
            self.joined.join(self._anchor.setdefault(corpus_id, key), key)

    def _link_group(self, mentions: list[Mention], article: list[Mention]) -> None:
        rules, joined = self.rules, self.joined
        stored = _candidates(self.conn, mentions, rules, self._known)
        self._seed(stored)
        kinds = _kinds(mentions, rules)
        parts: dict[MentionKey, list[Mention]] = {}
        for other in sorted((*(m for m in article if m.type in kinds), *stored), key=_key):
            parts.setdefault(joined.find(other.key), []).append(other)
        for m in sorted(mentions, key=_key):
            allowed = {m.type, *rules.compatible.get(m.type, ())}
            mine = joined.find(m.key)  # the parts are keyed by their current roots
            for root in list(parts):
                if root == mine or root not in parts:
                    continue  # m's own part, or merged into another one meanwhile
                for other in parts[root]:
                    if other.type not in allowed or not could_meet(m, other, rules):
                        continue
                    # Always asked in key order, so even the wording of the reason does not
                    # depend on which article came first.
                    first, second = (m, other) if m.key < other.key else (other, m)
                    reason = same_happening(first, second, rules)
                    if reason is not None:
                        self.links[(first.key, second.key)] = reason
                        mine = self._merge(parts, m.key, other.key)
                        break

    def _merge(
        self, parts: dict[MentionKey, list[Mention]], a: MentionKey, b: MentionKey
    ) -> MentionKey:
        """Join ``a`` and ``b`` and their parts; the root of the joined part."""
        joined = self.joined
        old = [parts.pop(joined.find(a), []), parts.pop(joined.find(b), [])]
        joined.join(a, b)
        # The smaller list onto the larger: each mention moves O(log n) times in all.
        big, small = sorted(old, key=len, reverse=True)
        big.extend(small)
        root = joined.find(a)
        parts[root] = big
        return root


def _key(m: Mention) -> MentionKey:
    return m.key


def _query_groups(mentions: list[Mention], rules: MergeRules) -> list[list[Mention]]:
    """The article's mentions in groups, one candidate query each: mentions without any date
    together (they need other candidates), and dated ones in runs no longer than a month, so
    that an article recalling a war of decades ago does not query every year in between."""
    windows = [(window(m, rules), m) for m in mentions]
    undated = [m for w, m in windows if w is None]
    dated = sorted(
        ((w, m) for w, m in windows if w is not None), key=lambda pair: (pair[0], pair[1].key)
    )
    groups: list[list[Mention]] = [undated] if undated else []
    run: list[Mention] = []
    run_start: dt.date | None = None
    for (start, end), m in dated:
        if run_start is None or (end - run_start).days > _QUERY_SPAN_DAYS:
            if run:
                groups.append(run)
            run, run_start = [], start
        run.append(m)
    if run:
        groups.append(run)
    return groups


def _insert_links(conn: Connection, links: dict[tuple[MentionKey, MentionKey], LinkReason]) -> None:
    rows = [
        {
            "document_a": a[0],
            "event_a": a[1],
            "document_b": b[0],
            "event_b": b[1],
            "reason": reason.render(),  # the link's reason as people read it
        }
        for (a, b), reason in sorted(links.items())
    ]
    for chunk in chunked(rows, ID_CHUNK):
        conn.execute(t.event_links.insert(), chunk)


def _membership(conn: Connection, keys: Iterable[MentionKey]) -> dict[MentionKey, str]:
    m = t.corpus_event_members
    wanted = set(keys)
    found: dict[MentionKey, str] = {}
    for chunk in chunked(sorted({k[0] for k in wanted}), ID_CHUNK):
        stmt = sa.select(m.c.document_id, m.c.event_id, m.c.corpus_event_id).where(
            m.c.document_id.in_(chunk)
        )
        for row in conn.execute(stmt):
            if (row.document_id, row.event_id) in wanted:
                found[(row.document_id, row.event_id)] = row.corpus_event_id
    return found


def _members_of(conn: Connection, corpus_ids: Iterable[str]) -> set[MentionKey]:
    m = t.corpus_event_members
    found: set[MentionKey] = set()
    for chunk in chunked(sorted(set(corpus_ids)), ID_CHUNK):
        stmt = sa.select(m.c.document_id, m.c.event_id).where(m.c.corpus_event_id.in_(chunk))
        found.update((row.document_id, row.event_id) for row in conn.execute(stmt))
    return found


def _links_among(
    conn: Connection, keys: set[MentionKey]
) -> Iterator[tuple[MentionKey, MentionKey]]:
    k = t.event_links
    for chunk in chunked(sorted({key[0] for key in keys}), ID_CHUNK):
        stmt = sa.select(k.c.document_a, k.c.event_a, k.c.document_b, k.c.event_b).where(
            k.c.document_a.in_(chunk)
        )
        for row in conn.execute(stmt):
            a, b = (row.document_a, row.event_a), (row.document_b, row.event_b)
            if a in keys and b in keys:
                yield (a, b)


def _publisher_key(publisher: str | None, url: str | None) -> str | None:
    if publisher and publisher.strip():
        return "p:" + fold(publisher)
    if url:
        host = (urlsplit(url).hostname or "").removeprefix("www.")
        if host:
            return "h:" + host
    return None


def _document_infos(conn: Connection, document_ids: set[str]) -> dict[str, DocumentInfo]:
    """Source groups: articles of one outlet, and near-duplicate (syndicated) copies, are one."""
    d, n = t.documents, t.near_duplicates
    meta: dict[str, Any] = {}
    copies: dict[str, set[str]] = {doc: set() for doc in document_ids}
    parent = {doc: doc for doc in document_ids}

    def find(doc: str) -> str:
        while parent[doc] != doc:
            doc = parent[doc]
        return doc

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    for chunk in chunked(sorted(document_ids), ID_CHUNK):
        stmt = sa.select(d.c.id, d.c.published, d.c.publisher, d.c.url).where(d.c.id.in_(chunk))
        meta.update({row.id: row for row in conn.execute(stmt)})
        pairs = sa.select(n.c.document_id, n.c.duplicate_of).where(
            sa.or_(n.c.document_id.in_(chunk), n.c.duplicate_of.in_(chunk))
        )
        for row in conn.execute(pairs):
            if row.document_id in parent and row.duplicate_of in parent:
                union(row.document_id, row.duplicate_of)
            elif row.duplicate_of in copies:
                copies[row.duplicate_of].add(row.document_id)
    by_outlet: dict[str, str] = {}
    for doc in sorted(document_ids):
        found = meta.get(doc)
        key = _publisher_key(found.publisher, found.url) if found is not None else None
        if key is not None:
            union(doc, by_outlet.setdefault(key, doc))
    return {
        doc: DocumentInfo(
            source_group=find(doc),
            published=meta[doc].published if doc in meta else None,
            publisher=meta[doc].publisher if doc in meta else None,
            copies=len(copies[doc]),
        )
        for doc in document_ids
    }


def claims_about(conn: Connection, keys: set[MentionKey]) -> dict[MentionKey, dict[str, str]]:
    """Mention -> {claim id: stance} of the claims about it: those linked to its event, and
    those in the same article that contradict one of them ("X dismissed the claim as false"
    is about what the claim is about, though the denial names no event of its own)."""
    c, k = t.claims, t.contradictions
    found: dict[MentionKey, dict[str, str]] = {}
    for chunk in chunked(sorted({key[0] for key in keys}), ID_CHUNK):
        stmt = (
            sa.select(c.c.document_id, c.c.id, c.c.event, c.c.stance)
            .where(c.c.document_id.in_(chunk))
            .order_by(c.c.document_id, c.c.id)
        )
        rows = conn.execute(stmt).all()
        stance = {(row.document_id, row.id): row.stance for row in rows}
        about: dict[tuple[str, str], MentionKey] = {}
        for row in rows:
            key = (row.document_id, row.event)
            if row.event is not None and key in keys:
                found.setdefault(key, {})[row.id] = row.stance
                about[(row.document_id, row.id)] = key
        pairs = sa.select(k.c.document_id, k.c.claim_a, k.c.claim_b).where(
            k.c.document_id.in_(chunk)
        )
        for pair in conn.execute(pairs):
            a, b = (pair.document_id, pair.claim_a), (pair.document_id, pair.claim_b)
            for mine, other in ((a, b), (b, a)):
                if mine in about and other in stance:
                    found[about[mine]].setdefault(other[1], stance[other])
    return found


def _delete_corpus_events(conn: Connection, corpus_ids: set[str]) -> None:
    for chunk in chunked(sorted(corpus_ids), ID_CHUNK):
        conn.execute(t.corpus_events.delete().where(t.corpus_events.c.id.in_(chunk)))
        conn.execute(
            t.corpus_event_members.delete().where(
                t.corpus_event_members.c.corpus_event_id.in_(chunk)
            )
        )


def _regroup(conn: Connection, seeds: set[MentionKey]) -> None:
    """Rewrite the corpus events of ``seeds`` and of every mention grouped with them."""
    old = _membership(conn, seeds)
    keys = seeds | _members_of(conn, set(old.values()))
    _delete_corpus_events(conn, set(old.values()))
    mentions = {m.key: m for m in mentions_of_documents(conn, {k[0] for k in keys})}
    keys &= mentions.keys()
    groups = components(keys, _links_among(conn, keys))
    infos = _document_infos(conn, {k[0] for k in keys})
    stances = claims_about(conn, keys)
    corpus_rows: list[dict[str, Any]] = []
    member_rows: list[dict[str, Any]] = []
    for group in groups:
        record = aggregate([mentions[k] for k in group], infos, stances)
        corpus_rows.append(vars(record).copy())
        member_rows.extend(
            {"document_id": d, "event_id": e, "corpus_event_id": record.id} for d, e in group
        )
    for chunk in chunked(corpus_rows, ID_CHUNK):
        conn.execute(t.corpus_events.insert(), chunk)
    for chunk in chunked(member_rows, ID_CHUNK):
        conn.execute(t.corpus_event_members.insert(), chunk)


def merge_documents(
    conn: Connection, document_ids: Sequence[str], rules: MergeRules | None = None
) -> None:
    """Link the events of newly stored documents into the corpus events."""
    if not document_ids:
        return
    lock_derived_state(conn)
    rules = rules or default_rules()
    new = mentions_of_documents(conn, document_ids)
    if not new:
        return
    linker = _Linker(conn, rules)
    linker.add(new)
    _insert_links(conn, linker.links)
    _regroup(conn, {m.key for m in new} | {k for pair in linker.links for k in pair})


def _relink(conn: Connection, keys: set[MentionKey], rules: MergeRules) -> None:
    """Link again the mentions that remain of groups an article left: its mentions may have
    been the only link between others that match each other directly, a pair the spanning
    tree did not keep. Only pairs not joined by the links that remain are tested."""
    joined = Joined()
    for a, b in _links_among(conn, keys):
        joined.join(a, b)
    mentions = sorted(
        (m for m in mentions_of_documents(conn, {k[0] for k in keys}) if m.key in keys),
        key=lambda m: m.key,
    )
    links: dict[tuple[MentionKey, MentionKey], LinkReason] = {}
    for i, first in enumerate(mentions):
        for second in mentions[i + 1 :]:
            if joined.same(first.key, second.key) or not could_meet(first, second, rules):
                continue
            reason = same_happening(first, second, rules)
            if reason is not None:
                links[(first.key, second.key)] = reason
                joined.join(first.key, second.key)
    _insert_links(conn, links)


def forget_documents(
    conn: Connection, document_ids: Sequence[str], rules: MergeRules | None = None
) -> None:
    """Before deleting documents: drop their mentions and links, regroup what remains."""
    lock_derived_state(conn)
    rules = rules or default_rules()
    ids = sorted(set(document_ids))
    m, k = t.corpus_event_members, t.event_links
    gone: set[MentionKey] = set()
    for chunk in chunked(ids, ID_CHUNK):
        rows = conn.execute(
            sa.select(m.c.document_id, m.c.event_id).where(m.c.document_id.in_(chunk))
        )
        gone.update((row.document_id, row.event_id) for row in rows)
    affected = set(_membership(conn, gone).values())
    remaining = _members_of(conn, affected) - gone
    _delete_corpus_events(conn, affected)
    for chunk in chunked(ids, ID_CHUNK):
        conn.execute(k.delete().where(sa.or_(k.c.document_a.in_(chunk), k.c.document_b.in_(chunk))))
    if remaining:
        _relink(conn, remaining, rules)
        _regroup(conn, remaining)


def rebuild(conn: Connection, rules: MergeRules | None = None) -> int:
    """Recompute every link and corpus event from the stored events; returns the count."""
    lock_derived_state(conn)
    rules = rules or default_rules()
    for table in (t.corpus_event_members, t.corpus_events, t.event_links):
        conn.execute(table.delete())
    ids = list(conn.scalars(sa.select(t.documents.c.id).order_by(t.documents.c.id)))
    linker = _Linker(conn, rules)
    keys: set[MentionKey] = set()
    for chunk in chunked(ids, _REBUILD_CHUNK):
        mentions = mentions_of_documents(conn, chunk)
        keys.update(m.key for m in mentions)
        linker.add(mentions)
    _insert_links(conn, linker.links)
    if keys:
        _regroup(conn, keys)
    return int(conn.scalar(sa.select(sa.func.count()).select_from(t.corpus_events)) or 0)


__all__ = [
    "claims_about",
    "forget_documents",
    "mentions_of_documents",
    "merge_documents",
    "rebuild",
]
