"""Contradictions between the claims of one document.

Two claims contradict each other when different sides take opposite stances on one proposition
(``Proposition.matches``): a denial of a happening meets a claim of it at the same
place by the same actors, a denial "he did not call her" meets "he called her". A side is the
party a claimant speaks for (``Claim.side``), so a spokesman never contradicts his own
organisation, and a claim whose claimant is unknown takes no side. A denial of "that account"
contradicts the preceding assertion of someone else.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from spacy.tokens import Span, Token

from sitroom.claims.bodies import split_bodies, unnamed_spokesmen
from sitroom.claims.exclusive import exclusive_pairs
from sitroom.claims.holders import rival_holders
from sitroom.claims.holding import harm_against_holding
from sitroom.claims.overstated import overstatements
from sitroom.claims.quotes import QuoteSpan
from sitroom.claims.raw import RawClaim
from sitroom.claims.rivalry import (
    figure_period,
    local_part,
    other_days,
    other_deed,
    other_victims,
    recounted,
    revised,
    rival_values,
    told_further,
)
from sitroom.claims.roles import bare_bodies
from sitroom.claims.sameness import told_as_one
from sitroom.claims.targets import (
    denied_targets,
    owned_claims,
    previous_claim,
    quoted_within,
    sibling_denial,
    unnamed_own_doers,
)
from sitroom.claims.truces import broken_and_held
from sitroom.claims.values import party_kind
from sitroom.lang.sides import side_key as names_key
from sitroom.lang.sides import speaker_key
from sitroom.lang.vocabulary import load_vocabulary
from sitroom.lang.vocabulary.events import TriggersVocabulary
from sitroom.model import Claim, Contradiction, Proposition

_STEM = 4  # letters a word's stem has at least ("bomb" of "bombing")
_PEOPLE = "people:"  # a doer named as people ("Serbs attacked"), kept apart from their state


def conceded_claim(claim: RawClaim, cue: Token) -> RawClaim:
    """The claim of a negated denial verb ("did not deny the report", "does not contradict the
    army's claim"): no denial, so it rejects no claim and leaves its content standing; the claim
    it names is still its owner's."""
    if claim.cue.i != cue.i or claim.stance != "deny":
        return claim
    return replace(claim, stance="assert", owner=None, refers_back=False, denies=None)


def side_key(claim: Claim, names: Mapping[str, str] | None = None) -> str | None:
    """Who a claim speaks for: its side, its claimant, or the claimant's words. With the
    actors' ``names``, a side by its name's key (``lang.sides``): "the Sudanese military" and
    "the Sudan Armed Forces" of one article are one side."""
    if claim.side is not None:
        if names is not None and claim.side in names:
            return names_key(names[claim.side])
        return claim.side
    if claim.claimant is not None:
        return claim.claimant
    if not claim.claimant_text:
        return None
    # "Somali officials": no known actor, but Somalia's side when compared by name
    country = speaker_key(claim.claimant_text) if names is not None else None
    return country or claim.claimant_text.casefold()


def _owned_target(
    claims: Sequence[Claim],
    raw: Sequence[RawClaim],
    k: int,
    position: Mapping[int, int],
    names: Mapping[str, str],
) -> int | None:
    """The claim of another side reported inside the denial ``k`` ("rejected the army's claim
    that P"), if it has one."""
    denies = raw[k].denies
    j = position.get(id(denies)) if denies is not None else None
    if j is None or side_key(claims[j]) is None:
        return None
    return j if side_key(claims[j], names) != side_key(claims[k], names) else None


def _name(claim: Claim, names: dict[str, str]) -> str:
    side = side_key(claim)
    if claim.side is not None and claim.side in names:
        return names[claim.side]
    if claim.claimant is not None:
        return names.get(claim.claimant, claim.claimant)
    return claim.claimant_text or side or "a source"


def _contradiction(a: Claim, b: Claim, names: dict[str, str], why: str) -> Contradiction:
    """``a`` asserts, ``b`` denies."""
    side_a, side_b = _name(a, names), _name(b, names)
    what = a.proposition.text if a.proposition is not None else a.text
    return Contradiction(
        claims=(a.id, b.id),
        reason=f"{side_b} {why} {side_a}: {what}",
        proposition=what,
        sides=(side_a, side_b),
    )


def find_contradictions(
    claims: Sequence[Claim],
    raw: Sequence[RawClaim],
    names: dict[str, str],
    affiliation: dict[str, str | None],
    harm: frozenset[str] | None = None,
    quotes: Sequence[QuoteSpan] | None = None,
) -> list[Contradiction]:
    """Contradictions between ``claims`` (numbered ``raw`` claims, in the same order). ``harm``:
    the words of what a happening did to people (``_harm_words``), from the trigger vocabulary
    the ledger was given (with the user's extra files); the packaged one by default. ``quotes``:
    the document's quotations as the ledger read them (read again when not given)."""
    harm = _harm_words() if harm is None else harm
    claims = overstatements(claims, raw)  # "said the figure was inflated": a denial
    claims = bare_bodies(_short_forms(claims, raw), names)
    claims, names = split_bodies(claims, names)  # "Armenia's" and "Azerbaijan's" ministry
    claims = unnamed_spokesmen(claims, names)  # "a ministry spokesman": of that ministry
    claims = unnamed_own_doers(claims, raw, names, side_key)
    found: list[Contradiction] = []
    seen: set[frozenset[str]] = set()

    def add(a: Claim, b: Claim, why: str) -> None:
        pair = frozenset((a.id, b.id))
        if pair not in seen:
            seen.add(pair)
            found.append(_contradiction(a, b, names, why))

    def refer_back(i: int) -> None:
        j = previous_claim(claims, raw, i, names, side_key, unheld)
        if j is not None and side_key(claims[j], names) != side_key(claims[i], names):
            add(claims[j], claims[i], "rejects the preceding claim of")

    answered: dict[int, int] = {}  # a denial of "the reports" -> the denial that tells them
    position = {id(r): n for n, r in enumerate(raw)}
    unheld = frozenset(quoted_within(raw, quotes))  # a quoted speaker's story: no side's claim
    for i, denial in enumerate(raw):
        if denial.stance != "deny":
            continue
        j = position.get(id(denial.denies)) if denial.denies is not None else None
        # "denies claims that it ...": a claim nobody is said to make is no side's, and its
        # denial contradicts nobody in particular.
        owned = j is not None and side_key(claims[j]) is not None
        if j is not None and owned and side_key(claims[j], names) != side_key(claims[i], names):
            add(claims[j], claims[i], "rejects the claim of")
        if denial.owner is not None:
            # "denied the rebels' claim about Kadu": the owner's claims about that place
            for j in owned_claims(claims, raw, i, denial.owner, affiliation, denial.places, unheld):
                add(claims[j], claims[i], "rejects the claim of")
        elif denial.refers_back and denial.denies is None:
            # "denied that civilians were killed, calling the reports false": the reports of that
            sibling = sibling_denial(claims, raw, i, names, side_key)
            if sibling is not None:
                answered[i] = sibling
                continue
            refer_back(i)
    for i, j in _accusations_cleared(claims, raw, names):
        add(claims[j], claims[i], "clears the accused of what is claimed by")
    # Each denial meets only the assertions that can share its proposition (same family of
    # happening, or same predicate: see ``Proposition.matches``), found through an index rather
    # than by a pass over every claim, so that a long document is not quadratic in its claims.
    supposed = {claims[n].id for n, r in enumerate(raw) if r.supposed or n in unheld}
    asserted = [
        (n, a)
        for n, a in enumerate(claims)
        if a.stance == "assert"
        and a.proposition is not None
        and side_key(a) is not None
        and a.id not in supposed
    ]
    by_family: dict[str, list[int]] = {}
    by_predicate: dict[str, list[int]] = {}
    for n, a in asserted:
        assert a.proposition is not None
        if a.proposition.family is not None:
            by_family.setdefault(a.proposition.family, []).append(n)
        if a.proposition.predicate is not None:
            by_predicate.setdefault(a.proposition.predicate, []).append(n)
    for k, b in enumerate(claims):
        if b.stance != "deny" or b.proposition is None or side_key(b) is None:
            continue
        if b.id in supposed:
            continue
        if raw[k].cleared is not None:
            continue  # a clearing meets the accusations of the one it clears (above)
        p = b.proposition
        near = {
            *(by_family.get(p.family, ()) if p.family else ()),
            *(by_predicate.get(p.predicate, ()) if p.predicate else ()),
        }
        # "ISIS is not defeated" against "US troops defeated ISIS": no one did it to ISIS.
        if raw[k].undone and p.predicate and p.subject:
            for n in by_predicate.get(f"{p.predicate} {p.subject}", ()):
                if side_key(claims[n], names) != side_key(b, names):
                    add(claims[n], b, "denies what is claimed by")
        met = [n for n in sorted(near) if _denied_by(claims, raw, n, k, names, harm)]
        # One target, and what states the same happening, of the several it could deny.
        embedded = _owned_target(claims, raw, k, position, names)
        met = denied_targets(claims, raw, k, met, embedded, side_key(b, names))
        # "Sudan had also bombed the town of Jau": a further happening, not the one denied,
        # when the denial meets an account of the happening first told.
        further = {n for n in met if told_further(_content(raw[n]))}
        for n in met:
            if n not in further or further >= set(met):
                add(claims[n], b, "denies what is claimed by")
    for i, sibling in answered.items():
        told = [c.claims[0] for c in found if c.claims[1] == claims[sibling].id]
        for said in told:
            add(next(c for c in claims if c.id == said), claims[i], "rejects the claim of")
        if not told:
            refer_back(i)
    # Rival values: two asserted propositions with counts no value fits, or events with other
    # tolls (``Proposition.rivals``), added in the order of the claims. Grouped by measure, so
    # that only counts of one kind are compared; an event's toll is a count of the dead.
    tolls: dict[str, list[int]] = {}
    for n, a in asserted:
        assert a.proposition is not None
        # "the two dead" refers back to a toll given, and gives none of its own.
        if recounted(_content(raw[n])):
            continue
        measures = {c.measure for c in a.proposition.counts}
        if a.proposition.kind == "event" and a.proposition.killed is not None:
            measures.add("killed")
        for measure in measures:
            tolls.setdefault(measure, []).append(n)
    rivals = set()
    changed = {n for n, _ in asserted if revised(_content(raw[n]))}
    periods = {n: figure_period(_content(raw[n])) for group in tolls.values() for n in group}
    for group in tolls.values():
        for k, n in enumerate(group):
            for m in group[k + 1 :]:
                if m in changed:
                    continue  # "the toll later rose to 12": the figures before are superseded
                a, b = claims[n], claims[m]
                assert a.proposition is not None and b.proposition is not None
                if (
                    side_key(a, names) != side_key(b, names)
                    and periods[n] == periods[m]  # a running total rivals no toll of the news
                    and rival_values(a.proposition, b.proposition)
                    and not local_part(a.proposition, b.proposition, raw[n].places, raw[m].places)
                ):
                    rivals.add((n, m))
    for n, m in sorted(rivals):
        tolls_of = [claims[k].proposition for k in (n, m)]
        toll = all(p is not None and p.killed is not None for p in tolls_of)
        add(claims[n], claims[m], "gives another toll than" if toll else "gives another count than")
    # "the strike killed only terrorists" against "it killed 11 civilians": no denial in form
    contents = {n: _content(raw[n]) for n, _ in asserted}
    for n, k in exclusive_pairs(contents, lambda n, k: _one_hit(claims, raw, n, k, names, harm)):
        add(claims[n], claims[k], "says only fighters were hit, against")
    for n, m in rival_doers(claims, [n for n, _ in asserted], names):
        add(claims[n], claims[m], "names another doer than")
    for n, m in rival_holders(claims, raw, names, side_key):
        add(claims[n], claims[m], "names another holder than")
    for n, m in broken_and_held(claims, raw, names, side_key):
        add(claims[n], claims[m], "says the truce holds against")
    return found


def _denied_by(
    claims: Sequence[Claim],
    raw: Sequence[RawClaim],
    n: int,
    k: int,
    names: Mapping[str, str],
    harm: frozenset[str],
) -> bool:
    """Whether the denial ``k`` denies what the assertion ``n`` of another side claims: one
    proposition (``Proposition.matches``) of one happening, and the part of it denied."""
    a, b = claims[n], claims[k]
    p, q = a.proposition, b.proposition
    assert p is not None and q is not None
    said, denied = _content(raw[n]), _content(raw[k])
    return (
        side_key(a, names) != side_key(b, names)
        and (p.matches(q) or _one_doer_named_twice(a, b, names))
        and not (_two_happenings(a, b, harm) and not told_as_one(said, denied))
        and not (p.names_no_doer_denied_by(q) and not _doer_by_kind(p, q))
        and not harm_against_holding(p, q)
        and not other_deed(p, q, raw[k].negated, said)
        and not (raw[k].negated and other_victims(said, denied))
        and not other_days(p, q, said, denied)
    )


def _doer_by_kind(said: Proposition, denial: Proposition) -> bool:
    """Whether an account names the doer a denial of who did it names by a generic noun of the
    same kind of party ("government troops had bombed villages" against "the army denied
    bombing any villages": ``values.party_kind``), as the common noun of the denier does."""
    kind = party_kind(said.subject) if said.subject else None
    return kind is not None and any(party_kind(name) == kind for name in denial.actors)


def _one_hit(
    claims: Sequence[Claim],
    raw: Sequence[RawClaim],
    n: int,
    k: int,
    names: Mapping[str, str],
    harm: frozenset[str],
) -> bool:
    """Whether the account ``n`` of what a happening hit and the claim ``k`` that it hit only
    fighters are of other sides about one happening: no other family, place or doers
    (``Proposition.compatible``: "an air strike hit a field hospital" may be read as no event),
    not told apart as two happenings, not on other days."""
    a, b = claims[n], claims[k]
    p, q = a.proposition, b.proposition
    assert p is not None and q is not None
    said, restricted = _content(raw[n]), _content(raw[k])
    return (
        side_key(a, names) != side_key(b, names)
        and p.compatible(q)
        and not _two_happenings(a, b, harm)
        and not other_days(p, q, said, restricted)
    )


def _content(claim: RawClaim) -> Span | None:
    return claim.cue.doc.char_span(*claim.span, alignment_mode="expand")


def _harm_words() -> frozenset[str]:
    """Words of what a happening did to people ("killed", "died") in the packaged trigger
    vocabulary: a claim of them is about the toll of whatever happening of its family the
    article tells of."""
    words = load_vocabulary(TriggersVocabulary)
    return words.casualty_verbs | words.dying_verbs


def _word(p: Proposition) -> str | None:
    """The word of a proposition's happening: its predicate's first word ("bomb camp")."""
    words = (p.predicate or "").split()
    return words[0].casefold() if words else None


def _one_word_stem(a: str, b: str) -> bool:
    """One word, or one the stem of the other ("bomb" of "bombing", "shell" of "shelling")."""
    short, long = sorted((a, b), key=len)
    return long.startswith(short) and len(short) >= _STEM


def _two_happenings(a: Claim, b: Claim, harm: frozenset[str]) -> bool:
    """Whether two event claims are about two happenings though of one family: the events
    stage told them apart (two linked events), of two types, named by other words ("had
    captured an army position" against "did not target anyone"), with no doer and no place
    in common to tie them. A claim of what a happening did to people ("no one was killed")
    is about any happening of its family, and is not told apart so."""
    p, q = a.proposition, b.proposition
    if p is None or q is None or p.kind != "event" or q.kind != "event":
        return False
    if a.event is None or b.event is None or a.event == b.event:
        return False
    if p.event_type == q.event_type or p.killed is not None or q.killed is not None:
        return False
    if {x.casefold() for x in p.actors} & {x.casefold() for x in q.actors}:
        return False
    if p.place and q.place and p.place.casefold() == q.place.casefold():
        return False
    mine, theirs = _word(p), _word(q)
    if mine is None or theirs is None or _one_word_stem(mine, theirs):
        return False
    return not ({mine, theirs} & harm)


def _short_forms(claims: Sequence[Claim], raw: Sequence[RawClaim]) -> list[Claim]:
    """``claims`` where a claimant that is no known actor, named again by a definite singular
    noun alone ("the governor" after "the governor of Unity state"), takes the words of its
    first naming: one speaker, one side, who does not contradict himself."""
    out = list(claims)
    first: dict[str, str] = {}  # a head noun's lemma -> the words of the last full naming
    for n, (claim, r) in enumerate(zip(claims, raw, strict=True)):
        head = r.source.head if r.source is not None else None
        if claim.side is not None or claim.claimant is not None or not claim.claimant_text:
            continue
        if head is None or head.pos_ != "NOUN":
            continue
        lemma = head.lemma_.lower()
        words = list(head.subtree)
        bare = (
            len(words) == 2
            and words[0].dep_ == "det"
            and "Definite=Def" in words[0].morph
            and head.tag_ == "NN"
        )
        if bare and lemma in first:
            out[n] = claim.model_copy(update={"claimant_text": first[lemma]})
        elif not bare:
            first[lemma] = claim.claimant_text
    return out


def _accusations_cleared(
    claims: Sequence[Claim], raw: Sequence[RawClaim], names: Mapping[str, str]
) -> list[tuple[int, int]]:
    """(denial, assertion) pairs where a claim clearing someone ("his client was innocent")
    meets what he is accused of: the assertions of a happening by him from another side, or,
    when the cleared person is not named ("his client"), the last assertion before it of a
    happening someone is said to have done. A clearing answers the accusations told before it:
    when there are some, it meets only those of their families ("could not have been involved"
    after "he shot her": "he destroyed evidence" later is another deed of his, not the one he
    is cleared of)."""
    pairs: list[tuple[int, int]] = []
    for i, denial in enumerate(raw):
        if denial.stance != "deny" or denial.cleared is None or side_key(claims[i]) is None:
            continue
        accused: list[int] = []
        for j, other in enumerate(raw):
            p = claims[j].proposition
            if (
                other.stance != "assert"
                or other.supposed
                or p is None
                or p.family is None
                or not p.actors
                or side_key(claims[j]) is None
                or side_key(claims[j], names) == side_key(claims[i], names)
            ):
                continue
            if denial.cleared:
                if denial.cleared.casefold() in {a.casefold() for a in p.actors}:
                    accused.append(j)
            elif other.span[0] < denial.span[0]:
                accused[:] = [j]
        before = {_family(claims[j]) for j in accused if raw[j].span[0] < denial.span[0]}
        if before:
            accused = [j for j in accused if _family(claims[j]) in before]
        pairs.extend((i, j) for j in accused)
    return pairs


def _family(claim: Claim) -> str | None:
    return claim.proposition.family if claim.proposition is not None else None


def rival_doers(
    claims: Sequence[Claim], asserted: Sequence[int], names: Mapping[str, str]
) -> list[tuple[int, int]]:
    """Pairs of asserted claims that name other doers of one happening, one of them a claim
    about who did it ("the front claimed responsibility for the bombing" against "officials
    blamed the militia for the attack"; ``Proposition.other_doers``), from different sides,
    about one happening: the same linked event (a restatement, "the attack", is linked to the
    first report), or events of one type named by one word at no other place (``other_doers``:
    "claimed the attack" and "blamed Y for the attack" where the second was not folded into the
    first). One family is not enough: "X accused Y of persecution" and "police arrested two
    men" in the same town are two acts. Grouped by family, so only those are compared."""
    by_family: dict[str, list[int]] = {}
    for n in asserted:
        p = claims[n].proposition
        if p is not None and p.family is not None and p.actors:
            by_family.setdefault(p.family, []).append(n)
    pairs = []
    for group in by_family.values():
        for k, n in enumerate(group):
            for m in group[k + 1 :]:
                a, b = claims[n], claims[m]
                p, q = a.proposition, b.proposition
                assert p is not None and q is not None
                one = (a.event is not None and a.event == b.event) or _one_word(p, q)
                if (
                    one
                    and side_key(a, names) != side_key(b, names)
                    and _tells_its_doer(a)
                    and _tells_its_doer(b)
                    and p.other_doers(q)
                    and not _one_party(p.actors, q.actors)
                ):
                    pairs.append((n, m))
    return pairs


def _tells_its_doer(claim: Claim) -> bool:
    """Whether a claim says who did its happening: a claim of who did it, or words that name a
    doer ("police said a bomb exploded" names none, whoever its linked event was laid on)."""
    p = claim.proposition
    if p is None:
        return False
    words = set(claim.text.casefold().split())
    return p.responsibility or any(w in words for a in p.actors for w in a.casefold().split())


def _doer_keys(claim: Claim, names: Mapping[str, str]) -> set[str]:
    """The side keys of a claim's doers (``lang.sides``), where the doer is the claimant's own
    body named without its country ("denied firing", by "Russia's defence ministry") keyed by
    the country of the claimant's words; people named as the doers themselves ("armed Serbs
    attacked") are not their state."""
    p = claim.proposition
    if p is None:
        return set()
    own = {names[s] for s in (claim.side, claim.claimant) if s is not None and s in names}
    country = speaker_key(claim.claimant_text) if claim.claimant_text else None
    keys = set()
    for actor in p.actors:
        if actor in own and country:
            keys.add(country)
        elif p.subject is not None and actor.casefold() == p.subject.casefold():
            # "armed Serbs attacked": people who did it, not their state ("Serbian forces")
            keys.add(_PEOPLE + names_key(actor))
        else:
            keys.add(names_key(actor))
    return keys


def _one_doer_named_twice(a: Claim, b: Claim, names: Mapping[str, str]) -> bool:
    """Whether two claims name one doer in two words and are otherwise one proposition: "a
    Russian missile hit the terminal" and "Russia's defence ministry denied firing at it", or
    "Israeli troops" and "Israel"."""
    p, q = a.proposition, b.proposition
    if p is None or q is None or not p.actors or not q.actors:
        return False
    if not _doer_keys(a, names) & _doer_keys(b, names):
        return False
    return p.model_copy(update={"actors": []}).matches(q.model_copy(update={"actors": []}))


def _one_party(mine: Sequence[str], theirs: Sequence[str]) -> bool:
    """Doers named as one party in two words ("Israeli shells", "its shells" read as Israel's;
    ``lang.sides``): a country and its people's adjective are no other doer."""
    return bool({names_key(a) for a in mine} & {names_key(b) for b in theirs})


def _one_word(p: Proposition, q: Proposition) -> bool:
    """Two happenings of one type named by one word ("the attack" twice): the predicate's
    first word is the word of the happening."""
    if p.event_type is None or p.event_type != q.event_type:
        return False
    mine, theirs = (p.predicate or "").split(), (q.predicate or "").split()
    return bool(mine and theirs) and mine[0] == theirs[0]


__all__ = [
    "RawClaim",
    "conceded_claim",
    "find_contradictions",
    "rival_doers",
    "side_key",
]
