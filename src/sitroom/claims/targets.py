"""What a denial contradicts when several assertions of other sides could be its target.

A denial answers one proposition: the one an accusation put, not every account of its family
in the article. Among the assertions that can share its proposition (``contradictions``), the
target is the accusation reported inside the denial ("rejected the army's claim that P"), else
an accusation of the doers the denial names, else whatever is left; of those, the nearest
before the denial (the one it answers), with every other assertion that states the same
happening (a repetition, another source's account of it). What the claimant itself says it did
("its drones destroyed RSF vehicles") accuses no one, and is no target of a denial that refers
back to "the accusation" or "the report".
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Protocol

from spacy.tokens import Span, Token

from sitroom.claims.quotes import QuoteSpan, find_quote_spans
from sitroom.lang.sentences import sentence_of
from sitroom.lang.sides import side_key as names_key
from sitroom.lang.vocabulary import load_vocabulary
from sitroom.lang.vocabulary.reporting import ReportingVocabulary
from sitroom.model import Claim, Proposition

_LOOKBACK_CHARS = 600  # how far back a denial of "the claims" looks for what it rejects
_AGENT_DEPS = frozenset({"nsubj", "agent"})  # an active subject, or "by X" of a passive
_NOUN_CLAUSE_DEPS = frozenset({"acl", "ccomp"})  # the clause of "the claim that P"
_PASSIVE_AGENT = "agent"  # "was bombed by jets": the doer of a passive
_OBJECT_DEPS = frozenset({"dobj", "obj"})  # what the doer did it to ("bombed a village")


class RawClaim(Protocol):
    """What choosing a denial's target reads of a claim before numbering
    (``contradictions.RawClaim``), named here so that this module need not import that one."""

    @property
    def claimant(self) -> str | None: ...
    @property
    def stance(self) -> str: ...
    @property
    def span(self) -> tuple[int, int]: ...
    @property
    def cue(self) -> Token: ...
    @property
    def embedded_in(self) -> RawClaim | None: ...
    @property
    def denies(self) -> RawClaim | None: ...
    @property
    def places(self) -> set[str]: ...
    @property
    def owner(self) -> str | None: ...
    @property
    def refers_back(self) -> bool: ...


SideOf = Callable[[Claim, Mapping[str, str] | None], str | None]


def _keys(p: Proposition | None) -> set[str]:
    return {names_key(a) for a in p.actors} if p is not None else set()


def _content(claim: RawClaim) -> Span | None:
    return claim.cue.doc.char_span(*claim.span, alignment_mode="expand")


def _verb(content: Span | None) -> Token | None:
    """The head of a claim's content: the verb its clause is built on, or that of the clause
    a claim noun holds ("claims that his fighters had attacked the pipeline")."""
    if content is None or not len(content):
        return None
    head = content.root
    if head.pos_ in {"NOUN", "PROPN"}:
        head = next((c for c in head.children if c.dep_ in _NOUN_CLAUSE_DEPS), head)
    return head if head.pos_ in {"VERB", "AUX"} else None


def own_deed(claim: RawClaim) -> bool:
    """Whether a claim tells of what its claimant's own people did, its doer named with a
    possessive pronoun ("its drones had destroyed RSF vehicles", "our forces repelled them"):
    an account of one's own deed, which accuses no one."""
    verb = _verb(_content(claim))
    if verb is None:
        return False
    for subject in (c for c in verb.children if c.dep_ in _AGENT_DEPS):
        if any(w.dep_ == "poss" and w.pos_ == "PRON" for w in subject.children):
            return True
    return False


def names_doer(claim: RawClaim, p: Proposition | None) -> bool:
    """Whether a claim of a happening names who did it to whom: doers named as actors, or a
    subject that acts on an object ("military jets bombed a village"), not what befell
    something with no doer ("three houses had burned down")."""
    if p is None or p.family is None:
        return False
    if p.actors:
        return True
    verb = _verb(_content(claim))
    if verb is None:
        return False
    deps = {c.dep_ for c in verb.children}
    return _PASSIVE_AGENT in deps or ("nsubj" in deps and bool(deps & _OBJECT_DEPS))


def quoted_within(raw: Sequence[RawClaim], spans: Sequence[QuoteSpan] | None = None) -> set[int]:
    """The claims (indices into ``raw``) told inside another claim's quoted words ("'The monks
    told us no one would bomb a monastery,' said a farmer"): what the quoted speaker once heard
    and passes on, the speaker's story, not a public claim of the one who said it then, so no
    denial answers it."""
    if not raw:
        return set()
    doc = raw[0].cue.doc
    found = find_quote_spans(doc.text) if spans is None else spans
    quotes = [(q.start, q.end) for q in found]
    out: set[int] = set()
    for n, inner in enumerate(raw):
        at = inner.cue.idx
        quoted = any(start <= at < end for start, end in quotes)
        if not quoted or inner.embedded_in is not None:
            continue  # "rejected the claim that P": what a denial reports, not a quote
        for m, outer in enumerate(raw):
            if m != n and outer.span[0] <= at < outer.span[1] and outer.denies is not inner:
                out.add(n)
                break
    return out


def _announcing(denial: RawClaim) -> bool:
    """Whether a denial names an announcement (``announcing_nouns``) as what it rejects."""
    content = _content(denial)
    nouns = load_vocabulary(ReportingVocabulary).announcing_nouns
    return content is not None and len(content) > 0 and content.root.lower_ in nouns


def previous_claim(
    claims: Sequence[Claim],
    raw: Sequence[RawClaim],
    i: int,
    names: Mapping[str, str],
    side_of: SideOf,
    unheld: frozenset[int] = frozenset(),
) -> int | None:
    """The earlier assertion of another side, within a few sentences, that a denial of "the
    claims" rejects: the nearest that accuses the denier (names its side among the doers:
    "South Sudan said Sudanese jets bombed the camp. The UN said 20,000 refugees lived there.
    Sudan rejected the claims."), else the nearest that names who did a happening to whom and
    is no account of its claimant's own deed, else the nearest that tells a happening, else
    the nearest. What the denier's own spokesman said in between is not what the denial
    rejects, nor are the ``unheld`` claims (``quoted_within``)."""
    denial = raw[i]
    floor = sentence_of(denial.cue).start_char - _LOOKBACK_CHARS
    mine = side_of(claims[i], names)
    found: list[int] = []
    for j in range(i - 1, -1, -1):
        other = raw[j]
        if other.span[0] < floor:
            break
        # Two claimants that are no known actor are told apart by their words (``side_of``).
        if (
            other.stance != "assert"
            or j in unheld
            or (other.claimant is not None and other.claimant == denial.claimant)
        ):
            continue
        if other.embedded_in is not None and other.embedded_in.denies is other:
            continue  # "rejected the claim that P ... called the report false": one rejection
        if side_of(claims[j], None) is None or side_of(claims[j], names) != mine:
            found.append(j)

    def accuses(j: int) -> bool:
        return mine is not None and mine in _keys(claims[j].proposition)

    def blames(j: int) -> bool:
        return names_doer(raw[j], claims[j].proposition) and not own_deed(raw[j])

    def happening(j: int) -> bool:
        p = claims[j].proposition
        return p is not None and p.family is not None

    def announced(j: int) -> bool:
        return own_deed(raw[j]) or bool(_keys(claims[j].proposition) & {side_of(claims[j], names)})

    tests: tuple[Callable[[int], bool], ...] = (accuses, blames, happening)
    if _announcing(denial):  # "dismissed the announcement": what the other side said it did
        tests = (announced, *tests)
    for test in tests:
        chosen = next((j for j in found if test(j)), None)
        if chosen is not None:
            return chosen
    return found[0] if found else None


def sibling_denial(
    claims: Sequence[Claim],
    raw: Sequence[RawClaim],
    i: int,
    names: Mapping[str, str],
    side_of: SideOf,
) -> int | None:
    """The denial that the denial ``i`` of "the reports" goes with: said in the same sentence
    by the same side and stating what it denies ("it denied that civilians had been killed,
    calling the reports false news"). The reports are the reports of that, whatever else was
    said just before."""
    sentence = sentence_of(raw[i].cue).start
    mine = side_of(claims[i], names)
    if mine is None:
        return None
    for k, other in enumerate(raw):
        if k == i or other.stance != "deny" or other.refers_back or other.owner is not None:
            continue
        if sentence_of(other.cue).start == sentence and side_of(claims[k], names) == mine:
            return k
    return None


def owned_claims(
    claims: Sequence[Claim],
    raw: Sequence[RawClaim],
    i: int,
    owner: str,
    affiliation: Mapping[str, str | None],
    places: set[str],
    unheld: frozenset[int] = frozenset(),
) -> list[int]:
    """The assertions that the denial ``i`` of the ``owner``'s claim rejects ("denied the army's
    announcement", "dismissed the rebels' claim about Kadu"): those the owner made, or those who
    speak for it made, about the place the denial names. A noun of report with no place ("the
    army's announcement") stands for one statement, not for all the owner's side said: the
    owner's own, when it made one, before what its spokesman added (an accusation of a suspect,
    a promise of a trial), and of those the nearest before the denial, with every other that
    states the same happening."""
    pool = []
    for j, other in enumerate(raw):
        if other.stance != "assert" or other.claimant is None or j in unheld:
            continue
        if other.claimant != owner and affiliation.get(other.claimant) != owner:
            continue
        if not places or places & other.places:
            pool.append(j)
    if places or not pool:
        return pool
    own = [j for j in pool if raw[j].claimant == owner]
    pool = own or pool
    start = raw[i].span[0]
    before = [j for j in pool if raw[j].span[0] < start]
    target = max(before, key=lambda j: raw[j].span[0]) if before else pool[0]
    return [j for j in pool if j == target or _one_happening(claims[target], claims[j])]


def _word(p: Proposition) -> str | None:
    """The word of a proposition's happening: its predicate's first word ("ambush convoy")."""
    words = (p.predicate or "").split()
    return words[0].casefold() if words else None


def _one_happening(a: Claim, b: Claim) -> bool:
    """Whether two assertions state one happening: linked to one event, or told by one word
    of one family, at no other place and by no other doers ("the rebels ambushed a convoy"
    twice; not "attacked the checkpoint" and "burned a school" of one group in one town)."""
    if a.event is not None and a.event == b.event:
        return True
    p, q = a.proposition, b.proposition
    if p is None or q is None or p.family is None or p.family != q.family:
        return False
    if p.place and q.place and p.place.casefold() != q.place.casefold():
        return False
    mine, theirs = _keys(p), _keys(q)
    if mine and theirs and not mine & theirs:
        return False
    return _word(p) is not None and _word(p) == _word(q)


def _accuses(
    claims: Sequence[Claim], raw: Sequence[RawClaim], n: int, k: int, mine: str | None
) -> bool:
    """Whether the assertion ``n`` accuses whom the denial ``k`` clears: names one of its
    doers, or the denier's side, among its own, or names its doer by the word the denial
    does, both acting on something ("Burkina Faso's soldiers killed civilians" against "its
    soldiers had killed civilians")."""
    p, q = claims[n].proposition, claims[k].proposition
    theirs = _keys(p)
    if theirs & _keys(q) or (mine is not None and mine in theirs):
        return True
    if p is None or q is None or not p.subject or not q.subject:
        return False
    return (
        p.subject.casefold() == q.subject.casefold()
        and names_doer(raw[n], p)
        and names_doer(raw[k], q)
    )


def unnamed_own_doers(
    claims: Sequence[Claim], raw: Sequence[RawClaim], names: Mapping[str, str], side_of: SideOf
) -> list[Claim]:
    """``claims`` where a denial of what the denier's own people did ("its fighters had not
    carried out the ambush", "his fighters had not attacked the pipeline"), whose doer was
    read as a word ("fighter") or as the speaker himself ("Antonio Garcia"), names no doer:
    the doer is the denier's side, which an accusation may name otherwise ("NPA rebels",
    "Burkina Faso's soldiers"); what it accuses is found by the side (``denied_targets``)."""
    out = list(claims)
    for n, (claim, said) in enumerate(zip(claims, raw, strict=True)):
        p = claim.proposition
        if claim.stance != "deny" or p is None or not p.actors or not own_deed(said):
            continue
        if side_of(claim, names) in _keys(p):
            continue
        text = p.text.replace(f" by {' and '.join(p.actors)}", "", 1)  # as the finder wrote it
        unnamed = p.model_copy(update={"actors": [], "text": text})
        out[n] = claim.model_copy(update={"proposition": unnamed})
    return out


def denied_targets(
    claims: Sequence[Claim],
    raw: Sequence[RawClaim],
    k: int,
    met: Sequence[int],
    embedded: int | None,
    mine: str | None,
) -> list[int]:
    """Of the assertions ``met`` (indices into ``claims``) that the denial ``k`` can deny, those
    it contradicts (``mine``: the denier's side). The claim reported inside the denial
    (``embedded``: "rejected the army's claim that P") is its target when it has one; else
    the accusations of whom the denial clears (``_accuses``: "denied that its soldiers killed
    civilians in Nodin" against "HRW said the soldiers killed 30 civilians in Nodin", not
    against "militants massacred villagers in Seytenga"); else all of them. Of those, the
    nearest before the denial, or the first after when none comes before, and every other one
    that states the same happening."""
    if not met:
        return []
    pool = list(met)
    if embedded is not None:
        return [n for n in pool if n == embedded or _one_happening(claims[embedded], claims[n])]
    accusing = [n for n in pool if _accuses(claims, raw, n, k, mine)]
    if accusing:
        pool = accusing
    elif own_deed(raw[k]):
        # "its fighters did not carry out the ambush" denies a deed, not a toll nobody is
        # said to have caused
        pool = [n for n in pool if names_doer(raw[n], claims[n].proposition)]
        if not pool:
            return []
    start = raw[k].span[0]
    before = [n for n in pool if raw[n].span[0] < start]
    target = max(before, key=lambda n: raw[n].span[0]) if before else pool[0]
    return [n for n in pool if n == target or _one_happening(claims[target], claims[n])]


__all__ = [
    "denied_targets",
    "names_doer",
    "own_deed",
    "owned_claims",
    "previous_claim",
    "quoted_within",
    "sibling_denial",
    "unnamed_own_doers",
]
