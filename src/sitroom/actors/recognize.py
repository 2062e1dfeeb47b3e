"""Actors of one document: corrected labels, one canonical entity per real-world actor, roles.

The small English model mislabels names ("Blinken" as GPE, a spokesperson as ORG, a province as
ORG). This stage corrects labels with cues from the document itself (a surname seen as PERSON
elsewhere, an apposition such as "X, spokesperson of Y", a title before the name), the actor
dictionary, and the places found by the places stage; then it groups mentions into entities.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from sitroom.actors.anaphors import Group, Mention, join_attackers
from sitroom.actors.capitals import capital_of
from sitroom.actors.common_nouns import (
    crowd_at,
    generic_at,
    institution_at,
    names_armed_group,
    names_group,
    opens_generic,
    person_at,
)
from sitroom.actors.credits import credited_outlet, force_owner_type, office_title
from sitroom.actors.lexicon import ActorDictionary, normalise_name
from sitroom.actors.modifiers import demonym_of
from sitroom.actors.names import name_tokens, same_person, skeleton
from sitroom.actors.roles import role_after, role_before
from sitroom.actors.span_index import SpanIndex
from sitroom.lang.focus import focus_country
from sitroom.lang.reference import prefixed_away
from sitroom.lang.vocabulary.actors import RolesVocabulary
from sitroom.lang.vocabulary.grammar import grammar
from sitroom.lang.vocabulary.places import toponym_words
from sitroom.model import ActorType, Entity, Place

ACTOR_LABELS = {"PERSON", "ORG", "NORP", "GPE", "FAC", "LOC"}
# The label of a model entity that is no name at all: dropped from the document's entities.
_NO_NAME = ""
# Labels of names that are a group's already (typed below by the force they name).
_GROUP_LABELS = frozenset({"ORG", "NORP"})
_ACRONYM = re.compile(r"^[A-Z][A-Z.&-]{1,9}$")


@dataclass(frozen=True)
class ActorResult:
    entities: tuple[Entity, ...]
    ents: tuple[Span, ...]  # the document's entity spans with corrected labels


def _initials(text: str) -> str:
    words = [
        w for w in re.split(r"[\s-]+", text) if w and w.lower() not in grammar().acronym_skip_words
    ]
    return "".join(w[0] for w in words if w[0].isalpha()).upper()


class ActorRecognizer:
    def __init__(
        self,
        dictionary: ActorDictionary,
        roles: RolesVocabulary,
        demonym: Callable[[str], str | None],
        *,
        group_nouns: Collection[str] = frozenset(),
    ) -> None:
        self.dictionary = dictionary
        self.roles = roles
        self.demonym = demonym
        self._group_nouns = group_nouns  # "the rival Nyatura gang" (``names_group``)
        self._generic_first = {words[0] for words in roles.generic_actors}
        # Group nouns that act on their own ("police officers": the police act); a word only of a
        # longer phrase ("opposition" of "opposition forces") leaves the person its own actor
        # ("opposition activists", "armed bandits").
        self._group_words = {words[0] for words in roles.generic_actors if len(words) == 1}

    # -- labels -------------------------------------------------------------------------------
    def _person_surnames(self, doc: Doc) -> set[str]:
        surnames = set()
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                words = name_tokens(ent.text, self.roles.honorifics)
                if len(words) >= 2:
                    surnames.add(skeleton(words[-1]))
        return surnames

    def _looks_like_person(self, doc: Doc, ent: Span, surnames: set[str]) -> bool:
        words = name_tokens(ent.text, self.roles.honorifics)
        if not words or len(words) > 4 or not all(t.pos_ == "PROPN" for t in ent):
            return False
        if ent.root.text.lower() in self.roles.org_cues:
            return False
        if skeleton(words[-1]) in surnames:
            return True
        after = role_after(doc, ent, self.roles)
        if after is not None and after.role.split()[0] in self.roles.person_cues:
            return True
        before = ent.start - 1
        return before >= 0 and doc[before].text.lower().strip(".") in self.roles.honorifics

    def _titled_person(self, doc: Doc, ent: Span) -> bool:
        """A name the model calls a person, after a title ("President Bush", "General
        Aidid"): a person, even where a town bears the name."""
        before = ent.start - 1
        return (
            ent.label_ == "PERSON"
            and before >= 0
            and doc[before].text[:1].isupper()
            and doc[before].lower_.strip(".") in self.roles.honorifics
        )

    def _demonym_word(self, doc: Doc, ent: Span) -> str | None:
        """The country of a one-word name that is a nationality ("Tajik", "Kyrgyz"), unless
        a title makes it a person's name."""
        if len(ent) != 1 or ent.label_ not in {"PERSON", "GPE", "NORP"}:
            return None
        before = doc[ent.start - 1] if ent.start > 0 else None
        if before is not None and before.lower_.strip(".") in self.roles.honorifics:
            return None
        return self.demonym(ent.text)

    def _mentions(
        self, doc: Doc, places: Sequence[Place]
    ) -> tuple[list[Mention], list[tuple[int, int, str]]]:
        countries: list[tuple[tuple[int, int], Place]] = []
        place_spans: list[tuple[tuple[int, int], Place]] = []
        for place in places:
            for span in place.mentions:
                (countries if place.kind == "country" else place_spans).append((span, place))
        by_country, by_place = SpanIndex(countries), SpanIndex(place_spans)
        surnames = self._person_surnames(doc)
        text = doc.text  # Doc.text joins every token on each access
        place_names = {
            normalise_name(text[s:e]): p for p in places if p.kind != "country"
            for s, e in p.mentions
        }  # fmt: skip
        mentions: list[Mention] = []
        relabelled: list[tuple[int, int, str]] = []
        for ent in doc.ents:
            group = names_group(ent, self.roles, self._generic_first, self._group_nouns)
            if (ent.label_ not in ACTOR_LABELS and not group) or prefixed_away(doc[ent.start]):
                continue
            if opens_generic(doc, ent, self.roles):
                relabelled.append((ent.start, ent.end, _NO_NAME))  # "Riot police fired ..."
                continue
            chars = (ent.start_char, ent.end_char)
            entry = self.dictionary.lookup(ent.text)
            country = by_country.first(chars)
            toponym = by_place.first(chars)
            if toponym is None and entry is None and len(ent) == 1:
                # The model may tag one mention of a town as a place and the next as a person.
                toponym = place_names.get(normalise_name(ent.text))
            if entry is not None:
                label = "GPE" if entry.type == "state" else "ORG"
                if ent.label_ == "NORP" and entry.type == "party":
                    label = "NORP"
                mentions.append(Mention(ent.start, ent.end, label, entry=entry))
            elif country is not None:
                mentions.append(
                    Mention(
                        ent.start, ent.end, "GPE", country=country.country, place_name=country.name
                    )
                )
            elif (demonym := self._demonym_word(doc, ent)) is not None:
                # "Kyrgyz and Tajik border guards": a nationality word, whatever the model
                # called it (a person, a place it could not find), is that country's people.
                mentions.append(Mention(ent.start, ent.end, "NORP", country=demonym))
            elif toponym is not None and self._titled_person(doc, ent):
                mentions.append(Mention(ent.start, ent.end, "PERSON"))  # "President Bush"
            elif toponym is not None and (state := _metonym(ent, toponym)) is not None:
                mentions.append(
                    Mention(ent.start, ent.end, "GPE", country=toponym.country, place_name=state)
                )
            elif toponym is not None:
                kind = {"facility": "FAC", "region": "LOC", "other": "LOC"}.get(toponym.kind, "GPE")
                relabelled.append((ent.start, ent.end, kind))
            elif group and ent.label_ not in _GROUP_LABELS:  # "the rival Nyatura gang"
                mentions.append(Mention(ent.start, ent.end, "ORG"))
            elif credited_outlet(doc, ent):  # "MOGADISHU, June 12 (Horn Courier) -"
                mentions.append(Mention(ent.start, ent.end, "ORG", unnamed_type="media"))
            elif ent.label_ == "PERSON" or self._looks_like_person(doc, ent, surnames):
                mentions.append(Mention(ent.start, ent.end, "PERSON"))
            elif self._inside_role(doc, ent):
                continue  # "Defense" in "Defense Secretary", "State" in "Secretary of State"
            elif ent.label_ in {"ORG", "NORP"}:
                m = Mention(
                    ent.start, ent.end, ent.label_, unnamed_type=force_owner_type(ent, self.roles)
                )
                m.country = self.demonym(ent.text) if ent.label_ == "NORP" else None
                mentions.append(m)
        unnamed = {i for s, e, label in relabelled if label == _NO_NAME for i in range(s, e)}
        mentions.extend(self._unlabelled(doc, mentions, places, unnamed))
        mentions.sort(key=lambda m: m.start)
        return mentions, relabelled

    def _unlabelled(
        self,
        doc: Doc,
        mentions: list[Mention],
        places: Sequence[Place],
        unnamed: set[int],
    ) -> list[Mention]:
        """Dictionary names and the document's own acronyms that the model did not tag, and
        capitals it did not tag that act ("Kyiv accused Moscow": the gazetteer found Kyiv);
        ``unnamed``: tokens of the model's entities that are no names."""
        tagged = {i for ent in doc.ents for i in range(ent.start, ent.end)} - unnamed
        taken = set(tagged)
        found: list[Mention] = []
        for place in places:
            for start, end in place.mentions:
                span = doc.char_span(start, end, alignment_mode="expand")
                if span is None:
                    continue
                taken.update(range(span.start, span.end))
                state = None if tagged & set(range(span.start, span.end)) else _metonym(span, place)
                if state is not None:
                    found.append(
                        Mention(
                            span.start, span.end, "GPE", country=place.country, place_name=state
                        )
                    )
        known_acronyms = set(self._acronyms(doc, [m for m in mentions if m.label == "ORG"]))
        surnames = self._person_surnames(doc)
        i = 0
        while i < len(doc):
            tok = doc[i]
            if (
                i not in taken
                and tok.pos_ == "PROPN"
                and tok.text[:1].isupper()
                and skeleton(tok.text) in surnames
                and self.dictionary.lookup(tok.text) is None
            ):
                found.append(Mention(i, i + 1, "PERSON"))  # a bare surname the model missed
                i += 1
                continue
            if i in taken or not tok.text[:1].isupper() or prefixed_away(tok):
                i += 1  # dictionary names and acronyms start with a capital
                continue
            for n in (4, 3, 2, 1):
                span = doc[i : i + n]
                if len(span) < n or any(t.i in taken for t in span) or not span.text[:1].isupper():
                    continue
                entry = self.dictionary.lookup(span.text)
                exact = entry is not None and span.text in (entry.name, *entry.aliases)
                if entry is not None and (exact or len(span.text) > 4):
                    label = "GPE" if entry.type == "state" else "ORG"
                    found.append(Mention(span.start, span.end, label, entry=entry))
                    i += n - 1
                    break
                # one of the document's acronyms; a group's name before its "fighters"
                acronym = span.text in known_acronyms and _ACRONYM.match(span.text)
                if n == 1 and (acronym or names_armed_group(tok, self.roles, self._generic_first)):
                    found.append(Mention(span.start, span.end, "ORG"))
                    break
            i += 1
        # Actors named by common nouns last, so that a name anywhere in their phrase ("militants
        # loyal to the Taliban") is known.
        taken |= {i for m in found for i in range(m.start, m.end)}
        # Names that are actors; a place that is none owns no group ("Kachin rebels").
        named = {i for m in [*mentions, *found] for i in range(m.start, m.end)}
        # Nationality words: "two aid workers, a Kenyan and a Somali" are still the workers
        nationalities = {
            i for m in [*mentions, *found] if m.label == "NORP" for i in range(m.start, m.end)
        }
        i = 0
        while i < len(doc):
            generic = (
                generic_at(doc, i, taken, self.roles, self._generic_first, named)
                or institution_at(doc, i, taken, self.roles)
                or crowd_at(doc, i, taken, self.roles)
            )
            if generic is not None:
                found.append(Mention(generic.start, generic.end, "ORG", generic=generic.key))
                i = generic.end
                continue
            person = person_at(doc, i, taken, self.roles, self._group_words, named, nationalities)
            if person is not None:
                found.append(
                    Mention(
                        person.start,
                        person.end,
                        "PERSON",
                        unnamed=person.key,
                        unnamed_type=person.actor_type,
                        new_referent=person.new,
                    )
                )
                i = person.end
                continue
            i += 1
        return found

    def _inside_role(self, doc: Doc, ent: Span) -> bool:
        if ent.end - ent.start > 2:
            return False
        lo, hi = max(0, ent.start - 3), min(len(doc), ent.end + 3)
        words = [t.text.lower().strip(".") for t in doc[lo:hi]]
        for phrase in self.roles.roles:
            n = len(phrase)
            for i in range(len(words) - n + 1):
                if (
                    tuple(words[i : i + n]) == phrase
                    and lo + i <= ent.start
                    and ent.end <= lo + i + n
                ):
                    return True
        return False

    # -- grouping ------------------------------------------------------------------------------
    def _acronyms(self, doc: Doc, mentions: list[Mention]) -> dict[str, str]:
        """Acronym → normalised expansion, from "Long Name (LN)" and from matching initials."""
        found: dict[str, str] = {}
        for m in mentions:
            if m.label != "ORG" or m.end - m.start < 2:
                continue
            text = doc[m.start : m.end].text
            if m.end + 2 < len(doc) and doc[m.end].text == "(" and doc[m.end + 2].text == ")":
                acro = doc[m.end + 1].text
                if _ACRONYM.match(acro):
                    found[acro.replace(".", "")] = normalise_name(text)
            found.setdefault(_initials(normalise_name(text)), normalise_name(text))
        return found

    def _group(self, doc: Doc, mentions: list[Mention]) -> list[Group]:
        acronyms = self._acronyms(doc, mentions)
        groups: dict[str, Group] = {}
        persons: list[Group] = []
        referents: dict[str, int] = {}  # unnamed people opened so far, by word
        # Each person group's distinct names: matching against every mention's name made the
        # grouping quadratic in the mentions of a long article.
        distinct: dict[int, list[list[str]]] = {}
        # Longer person names first, so that a bare surname joins the full name's group.
        order = sorted(
            range(len(mentions)),
            key=lambda i: (mentions[i].label != "PERSON", -(mentions[i].end - mentions[i].start)),
        )
        for i in order:
            m = mentions[i]
            text = doc[m.start : m.end].text
            if m.unnamed is not None:
                # Mentions come in document order within a label: "a man" opens an actor, "the
                # man" joins the last one opened with that word.
                seen = referents.get(m.unnamed, 0)
                count = seen + 1 if m.new_referent or not seen else seen
                referents[m.unnamed] = count
                key = f"unnamed:{m.unnamed}:{count}"
                groups.setdefault(key, Group()).mentions.append(m)
                continue
            if m.label == "PERSON":
                words = name_tokens(text, self.roles.honorifics)
                match = next(
                    (g for g in persons if any(same_person(words, n) for n in distinct[id(g)])),
                    None,
                )
                if match is None:
                    match = Group()
                    persons.append(match)
                    distinct[id(match)] = []
                match.mentions.append(m)
                match.names.append(words)
                if words not in distinct[id(match)]:
                    distinct[id(match)].append(words)
                continue
            generic = m.generic or (
                normalise_name(text)
                if (normalise_name(text),) in self.roles.generic_actors
                else None
            )
            if m.entry is None and generic is not None:
                m.generic = generic
                key = "generic:" + generic
                # "French troops" and "Malian troops" are two forces, each of its country.
                if (qualified := demonym_of(doc, m.start, m.end, self.demonym)) is not None:
                    m.place_name, m.country = qualified
                    key += ":" + qualified[1]
            elif m.entry is not None:
                key = "dict:" + m.entry.name
            elif m.country is not None and m.label == "GPE":
                key = "state:" + m.country
            elif m.label == "NORP" and m.country is not None:
                key = "norp:" + m.country
            else:
                norm = normalise_name(text)
                key = "name:" + acronyms.get(norm.upper().replace(".", ""), norm)
            groups.setdefault(key, Group()).mentions.append(m)
        return persons + list(groups.values())

    # -- output -------------------------------------------------------------------------------
    def _canonical(self, doc: Doc, group: Group) -> tuple[str, list[str]]:
        first = group.mentions[0]
        surfaces = [doc[m.start : m.end].text for m in group.mentions]
        if first.entry is not None:
            name = first.entry.name
        elif first.generic is not None and first.place_name is not None:
            name = f"{first.place_name} {first.generic}"  # "French troops"
        elif first.generic is not None:
            name = first.generic.capitalize()
        elif first.unnamed is not None:
            name = office_title(doc, first.start, self.roles) or first.unnamed.capitalize()
        elif first.place_name is not None and first.label == "GPE":
            name = first.place_name
        elif first.label == "PERSON":
            forms = [" ".join(n) for n in group.names]
            longest = max(len(n) for n in group.names)
            counts = Counter(" ".join(n) for n in group.names if len(n) == longest)
            ordered = sorted(group.mentions, key=lambda m: m.start)
            first_seen = {
                " ".join(name_tokens(doc[m.start : m.end].text, self.roles.honorifics)): m.start
                for m in reversed(ordered)
            }
            name = max(counts, key=lambda f: (counts[f], -first_seen.get(f, 0)))
            surfaces += forms
        else:
            name = max(surfaces, key=lambda s: (len(s), -surfaces.index(s)))
            name = re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)
        aliases = sorted({s for s in surfaces if s != name and normalise_name(s) != name.lower()})
        return name, aliases

    def _actor_type(
        self, group: Group, label: str, published: dt.date | None, name: str
    ) -> ActorType | None:
        first = group.mentions[0]
        if first.entry is not None:
            return first.entry.type_on(published)
        if first.generic is not None:
            phrase = tuple(first.generic.split())
            if first.country is not None and phrase in self.roles.national_contingents:
                return "government"  # "Ugandan peacekeepers": Uganda's forces
            generic = self.roles.generic_actors.get(phrase)
            return generic or self.roles.institution_heads.get(phrase[-1], "other")
        if first.unnamed is not None:
            return first.unnamed_type
        if label == "PERSON":
            return "person"
        if label == "GPE":
            return "state"
        if label == "ORG":
            if typed := next((m.unnamed_type for m in group.mentions if m.unnamed_type), None):
                return typed  # by its construction: a credited outlet, a group's fighters
            words = normalise_name(name).split()
            return self.roles.org_types.get(words[-1], "other") if words else "other"
        return None

    def recognize(
        self, doc: Doc, places: Sequence[Place], published: dt.date | None
    ) -> ActorResult:
        mentions, relabelled = self._mentions(doc, places)
        groups = join_attackers(doc, self._group(doc, mentions), self.roles)
        # Canonical names once per group; a group named by no word at all ("the" and line
        # breaks, from a mis-split entity) names nobody.
        for g in groups:
            g.mentions.sort(key=lambda m: m.start)
        named = [(g, self._canonical(doc, g)) for g in groups]
        named = [(g, c) for g, c in named if c[0].split()]
        named.sort(key=lambda gc: min(m.start for m in gc[0].mentions))
        groups = [g for g, _ in named]
        ids = {id(m): f"e{n}" for n, g in enumerate(groups, 1) for m in g.mentions}
        by_token: dict[int, str] = {}
        for g in groups:
            if g.mentions[0].label not in {"ORG", "GPE"}:
                continue  # only organisations and states can be someone's affiliation
            for m in g.mentions:
                for i in range(m.start, m.end):
                    by_token[i] = ids[id(m)]

        focus = focus_country(places)
        entities: list[Entity] = []
        for n, (g, (name, aliases)) in enumerate(named, 1):
            label = Counter(m.label for m in g.mentions).most_common(1)[0][0]
            role, affiliation = (
                self._role(doc, g, by_token, f"e{n}")
                if label == "PERSON"
                else (
                    None,
                    None,
                )
            )
            first = g.mentions[0]
            country = first.entry.country if first.entry is not None else first.country
            if first.unnamed is not None or (first.generic is not None and first.country is None):
                country = focus
            entities.append(
                Entity(
                    id=f"e{n}",
                    name=name,
                    label=label,
                    actor_type=self._actor_type(g, label, published, name),
                    aliases=aliases,
                    country=country,
                    affiliation=affiliation,
                    role=role,
                    mentions=[
                        (doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1]))
                        for m in g.mentions
                    ],
                )
            )
        entities = _inherit_country(entities)
        ents = self._corrected_ents(doc, groups, relabelled)
        return ActorResult(tuple(entities), ents)

    def _role(
        self, doc: Doc, group: Group, by_token: dict[int, str], own_id: str
    ) -> tuple[str | None, str | None]:
        candidates: list[tuple[str, str | None]] = []
        for m in group.mentions:
            span = doc[m.start : m.end]
            for match in (role_before(doc, span, self.roles), role_after(doc, span, self.roles)):
                if match is None:
                    continue
                owners = [
                    by_token[i]
                    for i in range(match.window_start, match.window_end)
                    if i in by_token and by_token[i] != own_id
                ]
                owner = owners[-1] if owners and match.role not in self.roles.kin_nouns else None
                candidates.append((match.role, owner))
        if not candidates:
            return None, None
        with_owner = [c for c in candidates if c[1] is not None]
        return (with_owner or candidates)[0]

    def _corrected_ents(
        self, doc: Doc, groups: list[Group], relabelled: list[tuple[int, int, str]]
    ) -> tuple[Span, ...]:
        labels: dict[tuple[int, int], str] = {(s, e): lab for s, e, lab in relabelled}
        # Only names relabel the model's entities: an actor named by common words keeps what
        # the model said there ("thousands marched" stays a count the figures stage reads).
        for g in groups:
            for m in g.mentions:
                if m.generic is None and m.unnamed is None:
                    labels[(m.start, m.end)] = m.label
        out = [
            Span(doc, ent.start, ent.end, label=labels.get((ent.start, ent.end), ent.label_))
            for ent in doc.ents
            if labels.get((ent.start, ent.end)) != _NO_NAME
        ]
        # Names the model missed (dictionary names, known surnames, acronyms) become entities too;
        # actors named by common nouns ("the army") do not: they are not names.
        taken = {i for ent in out for i in range(ent.start, ent.end)}
        for g in groups:
            for m in g.mentions:
                if (
                    m.generic is None
                    and m.unnamed is None
                    and not any(i in taken for i in range(m.start, m.end))
                ):
                    out.append(Span(doc, m.start, m.end, label=m.label))
                    taken.update(range(m.start, m.end))
        return tuple(sorted(out, key=lambda span: span.start))


def _metonym(ent: Span, place: Place) -> str | None:
    """A capital acting ("Washington completed …", "Kabul's decision") stands for its state."""
    root = ent.root
    addressed = root.dep_ == "dobj" and root.head.lemma_.lower() in toponym_words().addressee_verbs
    acting = (
        root.dep_ in {"nsubj", "poss"}
        or (root.dep_ == "pobj" and root.head.dep_ == "agent")
        or addressed  # "accused Beijing of hacking"
    )
    return capital_of(place.name, place.country) if acting else None


def _inherit_country(entities: list[Entity]) -> list[Entity]:
    """A person without a known country takes the country of the organisation they belong to."""
    by_id = {e.id: e for e in entities}
    out = []
    for e in entities:
        if e.country is None and e.affiliation in by_id:
            e = e.model_copy(update={"country": by_id[e.affiliation].country})
        out.append(e)
    return out


__all__ = ["ACTOR_LABELS", "ActorRecognizer", "ActorResult"]
