"""Find toponym mentions in a parsed spaCy ``Doc`` and look them up (input to ``resolve``).

Sources, in order of trust:

1. ``GPE``/``LOC``/``FAC`` entities;
2. ``ORG``/``PERSON``/``NORP`` (and ``WORK_OF_ART``: "in western Niger", now and then) entities
   and capitalised proper-noun runs outside any entity whose text names a well-known place
   (small English models label provinces such as Panjshir as ORG).
   These are ``strict`` mentions: ``resolve`` accepts only countries, provinces, regions, curated
   entries and cities of 100,000+ for them, and towns in the area of the document's other places;
3. written abbreviations of states and provinces ("Paris, Tenn.", "in Calif.", "Dallas, TX"; see
   ``data/admin1_abbreviations.tsv``), whatever the NER made of them, also when the tokenizer
   split them ("W.Va" + ".").

An ``ORG`` that names a town is a team, a company or a newspaper far more often than a place
("Napoli beat Cagliari"): it becomes a mention only with a locative cue ("in", "at", "near",
"from", "of" before it, a feature word after it), or when the document also labels the same name
GPE/LOC; otherwise ``resolve`` accepts only countries, first-level areas, regions and curated
entries for it. Without a cue, a ``FAC`` stands for a town only when it is a city of
100,000+ called exactly that (the "White House" is neither Casablanca nor White House,
Tennessee). An all-capitals name of three letters or fewer is an acronym: a country or province
("US", "UAE"), never a town ("CHU", "UF").

"X, Y" links the two mentions both ways: Y's countries and areas qualify X, and X's candidates
tell which Y contains it ("Paris, Tenn."; "Athens, Ga."). A name the NER missed before a comma and
an area ("BECKLEY, W.Va.", a dateline) is a place when that area has a town of its name.

Skipped: demonyms ("Afghan"), entities containing an organisation word ("... Front", "Ministry")
unless the whole name is a well-known place ("the West Bank", "College Station"),
and a one-word entity that is the surname of a full-name PERSON elsewhere in the document (the
small model sometimes labels "Blinken" GPE).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from sitroom.geo._names import fold_key
from sitroom.geo.admin1 import load_abbreviations
from sitroom.geo.area_parts import area_part_readings
from sitroom.geo.candidate import Candidate
from sitroom.geo.gazetteer import Gazetteer
from sitroom.geo.name_cues import (
    NAME_PART_LABELS,
    appositive_cue,
    called_small,
    cue_after,
    cue_before,
    cued,
    dateline_cue,
    longest_name,
    named_after_noun,
    names_a_group,
    names_where,
    near,
    on_a_way_between,
    owns_a_thing,
    trailing_cue,
)
from sitroom.geo.qualifiers import link_qualifiers
from sitroom.geo.resolve import STRICT_MIN_POPULATION, Mention, seat_town
from sitroom.lang.places import (
    Cue,
    county_first_level,
    cue_kinds,
    cue_of,
    is_common_place_noun,
)
from sitroom.lang.syntax import token_runs
from sitroom.lang.vocabulary import load_vocabulary
from sitroom.lang.vocabulary.actors import ActorsVocabulary, RolesVocabulary
from sitroom.lang.vocabulary.places import toponym_words

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
OTHER_LABELS = frozenset({"ORG", "PERSON", "NORP", "LANGUAGE", "PRODUCT", "WORK_OF_ART"})

_WORDS = toponym_words()  # data/toponyms.yaml
NEAR_WORDS = _WORDS.near_words
# Words before a name that make it a place rather than a team or a firm ("fans in Napoli").
LOCATIVE_WORDS = _WORDS.locative_words
INTRODUCING_WORDS = _WORDS.introducing_words
WEAK_INTRODUCING_WORDS = _WORDS.weak_introducing_words
NEARBY_WORDS = _WORDS.nearby_words
LEAVING_VERBS = _WORDS.place_left_verbs
GOING_VERBS = _WORDS.place_to_verbs
# What follows a dateline's place: "YANGON, Myanmar -", "KABUL (Reuters) -", "Kabul — ".
_DATELINE_NEXT = frozenset({",", "(", "-", "\u2014", "\u2013"})
# Dashes the NER may take into a name before them ("NIAMEY -", a dateline's): not the name's.
_DASHES = frozenset({"-", "\u2014", "\u2013"})
PLACE_OBJECT_VERBS = _WORDS.place_object_verbs
# How many words before a cue word a demonym may describe the place ("the Syrian northern
# border town of X").
_PHRASE_REACH = 3
PLACE_OBJECT_NOUNS = _WORDS.place_object_nouns
OPERATION_NOUNS = _WORDS.operation_nouns
WAY_NOUNS = _WORDS.way_nouns
PLACE_SUBJECT_VERBS = _WORDS.place_subject_verbs
AREA_KINDS = frozenset({"country", "admin1", "region"})

Doc = Any  # spaCy ships no type information
Token = Any


def _sentence(doc: Doc, token: Token) -> tuple[int, int]:
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        sent = token.sent
        return (sent.start_char, sent.end_char)
    return (0, len(doc.text))


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop a leading "the", a trailing possessive and a trailing dash (a dateline's, "NIAMEY
    -") from a token range."""
    while start < end and doc[start].lower_ == "the":
        start += 1
    while end > start and (
        doc[end - 1].lower_ in {"'s", "’s", "'"} or doc[end - 1].text in _DASHES
    ):
        end -= 1
    return start, end


class _Finder:
    def __init__(
        self,
        doc: Doc,
        gazetteer: Gazetteer,
        org_words: frozenset[str],
        org_names: frozenset[str] = frozenset(),
    ) -> None:
        self.org_words = org_words
        self.org_names = org_names  # folded names of the organisations actors.yaml lists
        self.doc = doc
        self.gazetteer = gazetteer
        self.ent_at = {ent.start: ent for ent in doc.ents}
        self.surnames = {
            ent[-1].lower_ for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1
        }
        # How the NER labels each text across the document: a text it mostly calls an ORG is
        # treated strictly even where it once says GPE.
        self.place_votes: Counter[str] = Counter()
        self.other_votes: Counter[str] = Counter()
        for ent in doc.ents:
            key = fold_key(ent.text)
            if ent.label_ in PLACE_LABELS:
                self.place_votes[key] += 1
            elif ent.label_ in OTHER_LABELS:
                self.other_votes[key] += 1
        self.demonyms = self._demonyms()

    def _demonyms(self) -> dict[tuple[int, int], frozenset[str]]:
        """Per sentence, the countries whose people it names ("the Malian army", "Kenyan
        troops", "Rwandan-backed rebels"): single capitalised words and whole entities."""
        doc = self.doc
        found: dict[tuple[int, int], set[str]] = {}
        texts = [(t, t.text) for t in doc if t.text[:1].isupper()]
        texts += [(e[0], e.text) for e in doc.ents if len(e) > 1]
        for token, text in texts:
            country = self.gazetteer.demonym_country(text)
            if country is not None:
                found.setdefault(_sentence(doc, token), set()).add(country)
        return {span: frozenset(countries) for span, countries in found.items()}

    def abbreviation(self, index: int, label: str, end: int | None = None) -> Mention | None:
        """A state or province abbreviation at token ``index`` (through token ``end`` when the
        tokenizer split it: "W.Va" + "."), where its context allows one."""
        doc = self.doc
        token = doc[index]
        last = doc[(end or index + 1) - 1]
        text = doc[index : last.i + 1].text
        entry = load_abbreviations().get(text)
        if entry is None:
            return None
        after_name = index >= 2 and doc[index - 1].text == "," and doc[index - 2].text[:1].isupper()
        locative = index >= 1 and doc[index - 1].lower_ in LOCATIVE_WORDS
        if not (after_name or (entry.use == "any" and (locative or label in PLACE_LABELS))):
            return None
        candidates = tuple(
            c
            for c in self.gazetteer.lookup(entry.name)
            if c.kind == "admin1" and c.country == entry.country
        )
        if not candidates:
            return None
        return Mention(
            text=text,
            span=(token.idx, last.idx + len(last.text)),
            candidates=candidates,
            sentence=_sentence(doc, token),
        )

    def mention(self, start: int, end: int, label: str) -> Mention | None:
        doc = self.doc
        start, end = _trim(doc, start, end)
        if start >= end:
            return None
        if doc[start:end].text in load_abbreviations():
            return self.abbreviation(start, label, end)
        words = [t.lower_ for t in doc[start:end]]
        text = doc[start:end].text
        if (self.org_words.intersection(words) and not self._listed(text)) or names_a_group(
            doc, start, end
        ):
            return None
        if _common_noun(doc, start, end):
            return None
        # Place entities may start in lower case ("al-Tanf"); other sources must look like names.
        if label not in PLACE_LABELS and not text[:1].isupper():
            return None
        if self.gazetteer.demonym_country(text) is not None:
            return None
        key = fold_key(text)
        cue = cue_before(doc, start)
        # A cue inside the entity ("Panjshir Valley"): the full name first, then the bare name.
        candidates = self.gazetteer.lookup(text)
        if not candidates:  # "Northern Syria": a part of Syria (geo/area_parts.py)
            candidates = area_part_readings(doc, start, end, self.gazetteer)
        inner, size = trailing_cue(words)
        if inner is not None:
            cue = inner
            if not candidates:
                # Only the bare name's entries of the cued kind: "Scott County" is not a town.
                bare_text = doc[start : end - size].text
                bare = self.gazetteer.lookup(bare_text)
                candidates = cued(bare, inner, bare_text, words[-1])
        # A cue after the entity ("Ramstein airbase", "Kabul airport").
        after, past = cue_after(doc, end)
        if after is not None:
            cue = after
            joined = self.gazetteer.lookup(doc[start:past].text)
            if any(c.kind in cue_kinds(after) for c in joined):
                candidates, end = joined, past
        elif cue is None:
            # "Mellit, a town in North Darfur"; "the capital, Bamako"
            cue = (
                appositive_cue(doc, end)
                or named_after_noun(doc, start, end)
                or (dateline_cue(doc, start, end) if label in PLACE_LABELS else None)
            )
        if cue == "county" and any(county_first_level(c.country) for c in candidates):
            cue = "admin"  # "Mandera county": Kenya's counties are its provinces
        # "the town of Mellit" is a place whatever the NER called it; without such a word, a
        # name the NER does not call a place must be a well-known one.
        strict = label not in PLACE_LABELS or self.other_votes[key] > self.place_votes[key]
        if strict and cue is not None:
            # Only the readings the feature word allows: "the town of X" is no province.
            candidates = cued(candidates, cue, doc[start : end - size].text)
            strict = False
        if label == "FAC" and cue is None and self._bare_after_place_word(start):
            # "in Bokkos" tagged a facility: a building takes "the" ("in the Pentagon"), a
            # bare name after a word of place is read as a strict name, a smaller town only
            # in the country its text is about (geo/introduced.py).
            strict = True
        elif label == "FAC" and cue is None:
            # A building or a road is a town only when it is a big one called just that, or
            # the town of a province of its name ("in Tillaberi").
            candidates = [
                c
                for c in candidates
                if c.kind not in {"city", "locality"}
                or (fold_key(c.name) == key and c.population >= STRICT_MIN_POPULATION)
                or seat_town(c, text, candidates)
            ]
        acronym = text.isupper() and len(key.replace(" ", "")) <= 3
        if acronym or (label == "ORG" and not self._placed(start, end, cue, key)):
            # Short acronyms ("CHU", "UF") name countries and provinces ("US", "UAE", "KP"),
            # never towns; an ORG named like a town is a club, a firm or a newspaper unless
            # something says it is a place. (Taking it for the town when the document's other
            # places lie around it gained LGL 0.3 points of acc@161 and cost CoNLL-2003 3.7
            # points of ORG F1: the actor matters more than the extra dot on the map.)
            candidates = [c for c in candidates if c.kind in AREA_KINDS or c.source == "curated"]
        if owns_a_thing(doc, start, end):
            candidates = [c for c in candidates if c.match == "exact"]
        if not candidates:
            return None
        if len(words) == 1 and words[0] in self.surnames and not _names_country(candidates):
            return None
        first = doc[start]
        return Mention(
            text=doc[start:end].text,
            span=(first.idx, doc[end - 1].idx + len(doc[end - 1].text)),
            candidates=tuple(candidates),
            sentence=_sentence(doc, first),
            cue=cue,
            near=near(doc, start),
            within=names_where(doc, start, end),
            strict=strict,
            locative=strict and self._object_of_place_verb(start, end),
            introduced=strict and self._introduced(start, end),
            weakly=start > 0 and doc[start - 1].lower_ in WEAK_INTRODUCING_WORDS,
            small=called_small(doc, start, end),
            demonyms=self.demonyms.get(_sentence(doc, first), frozenset()),
            people=self._people(start),
        )

    def _people(self, start: int) -> frozenset[str]:
        """The country of a demonym in the cue phrase before a name ("the *Syrian* border town
        of X"): the words between the determiner and "of", the cue word among them."""
        doc = self.doc
        if start < 2 or doc[start - 1].lower_ != "of" or cue_of(doc[start - 2].lower_) is None:
            return frozenset()
        found = set()
        for token in reversed(doc[max(0, start - 2 - _PHRASE_REACH) : start - 2]):
            if token.pos_ not in {"ADJ", "NOUN", "PROPN"}:
                break
            if (country := self.gazetteer.demonym_country(token.text)) is not None:
                found.add(country)
        return frozenset(found)

    def _listed(self, text: str) -> bool:
        """Whether a name with an organisation word in it is a well-known place all the same:
        curated ("the West Bank"), an area, or a city of 100,000+ of exactly that name
        ("College Station"), not one of its alternate names."""
        key = fold_key(text)
        return any(
            c.match == "exact"
            and (
                c.source == "curated"
                or (
                    fold_key(c.name) == key
                    and (c.kind in AREA_KINDS or c.population >= STRICT_MIN_POPULATION)
                )
            )
            for c in self.gazetteer.lookup(text)
        )

    def _placed(self, start: int, end: int, cue: Cue | None, key: str) -> bool:
        """Whether an ORG-labelled name reads as a place: a cue, a locative word before it, a
        verb of place governing it, or the same name labelled GPE/LOC/FAC elsewhere."""
        if key in self.org_names:
            # "members of Hamas", "dozens of Hamas targets": a listed organisation is a place
            # only when a feature word says so (GeoNames gives Hamm the name Hamas).
            return cue is not None
        return cue is not None or bool(self.place_votes[key]) or self._locative(start, end)

    def _locative(self, start: int, end: int) -> bool:
        """A locative word right before the name ("in Beslan"), "to" after a verb of going
        ("spread to El Fasher"), a verb of place, or the place of a dateline ("YANGON, Myanmar
        -", "KABUL (Reuters) -": the text opens with it)."""
        doc = self.doc
        if start > 0 and doc[start - 1].lower_ in LOCATIVE_WORDS | NEARBY_WORDS:
            return True
        if on_a_way_between(doc, start, end):
            return True  # "on the road between X and Y"
        if start > 0 and doc[start - 1].lower_ == "to":
            verb = doc[start - 1].head
            if verb.pos_ == "VERB" and verb.lemma_.lower() in GOING_VERBS:
                return True
        if (
            end < len(doc)
            and doc[end].text in _DATELINE_NEXT
            and not doc.text[: doc[start].idx].strip()
        ):
            return True
        return self._object_of_place_verb(start, end)

    def _bare_after_place_word(self, start: int) -> bool:
        """The name follows a word that introduces a place directly, without "the"."""
        doc = self.doc
        return start > 0 and doc[start - 1].lower_ in INTRODUCING_WORDS | NEARBY_WORDS

    def _introduced(self, start: int, end: int) -> bool:
        """A word of place right before the name ("a base in X") or a verb of place governing it:
        then a small town in the document's focus country may be what it names."""
        doc = self.doc
        if start > 0 and doc[start - 1].lower_ in INTRODUCING_WORDS | NEARBY_WORDS:
            return True
        if on_a_way_between(doc, start, end):
            return True
        if start > 0 and doc[start - 1].lower_ == "from":
            # "retreated from X", "fled away from X": the place left
            verb = doc[start - 1].head
            if verb.dep_ in {"prep", "advmod"}:
                verb = verb.head
            if verb.pos_ == "VERB" and verb.lemma_.lower() in LEAVING_VERBS:
                return True
        return self._object_of_place_verb(start, end) or self._names_operation(start, end)

    def _names_operation(self, start: int, end: int) -> bool:
        """The name says where a military operation is ("the Manbij campaign", "the Mosul
        offensive"): it modifies one of ``operation_nouns`` of toponyms.yaml."""
        root = self.doc[start:end].root
        head = root.head
        return bool(
            root.dep_ in {"compound", "amod", "nmod"}
            and head.i >= end
            and head.pos_ == "NOUN"
            and head.lemma_.lower() in OPERATION_NOUNS
        )

    def _object_of_place_verb(self, start: int, end: int) -> bool:
        """The name is the direct object of a verb whose object is mostly a place ("captured
        Birao", "patrolled Kakata"), or what such an act's noun is "of" ("the capture of
        Kidal"), or the subject of a verb said of ground taken ("X fell to the rebels"). Unlike
        a locative word ("fans in Napoli", "at Stanford"), such a verb leaves
        little room for a club or a firm: only there may a name the NER does not call a place
        be a town smaller than STRICT_MIN_POPULATION."""
        doc = self.doc
        if start >= 2 and doc[start - 1].lower_ in {"of", "on"}:
            # "the capture of X", "the siege on X" (whatever the parser hung "on" on)
            act = doc[start - 2]
            return bool(act.pos_ == "NOUN" and act.lemma_.lower() in PLACE_OBJECT_NOUNS)
        root = doc[start:end].root
        head = root.head
        if root.dep_ == "nsubj" and head.pos_ == "VERB":
            # "X fell to the rebels": the subject of a verb said of ground taken
            return bool(head.lemma_.lower() in PLACE_SUBJECT_VERBS)
        return bool(
            root.dep_ == "dobj"
            and head.pos_ == "VERB"
            and head.lemma_.lower() in PLACE_OBJECT_VERBS
        )

    def proper_noun_runs(self) -> list[tuple[int, int]]:
        doc = self.doc
        if not doc.has_annotation("TAG") and not doc.has_annotation("POS"):
            return []
        abbreviations = load_abbreviations()
        return token_runs(
            doc,
            lambda token: (
                token.pos_ == "PROPN"
                and token.ent_iob_ == "O"
                and token.text[:1].isupper()
                and token.text not in abbreviations
            ),
        )


# Penn Treebank tags of what makes a noun a common one: an article or demonstrative ("the",
# "this"), a possessive pronoun ("its") or a possessive ending ("Syria's").
_DETERMINER_TAGS = frozenset({"DT", "PRP$", "POS", "WP$"})


def _common_noun(doc: Doc, start: int, end: int) -> bool:
    """ "across the valley", "shelled the Capital", "its border": a noun for a kind of place,
    written in lower case or after a determiner, names no town even when the NER labels it."""
    if end - start > 2 or not is_common_place_noun(" ".join(t.lower_ for t in doc[start:end])):
        return False  # the nouns are one or two words ("refugee camp")
    if doc[start:end].text.islower():
        return True
    return start > 0 and doc[start - 1].tag_ in _DETERMINER_TAGS


def _names_country(candidates: list[Candidate]) -> bool:
    return any(c.kind == "country" and c.match == "exact" for c in candidates)


def _name_before(doc: Doc, start: int, end: int, gazetteer: Gazetteer, label: str) -> int:
    """Where a place entity's name starts when the NER left its first word out ("the town of
    Goz *Beida*"): a capitalised proper noun outside any entity just before it, when the
    gazetteer has the longer name as written."""
    before = start - 1
    if label not in PLACE_LABELS or before < 0 or end - start != 1:
        return start
    word = doc[before]
    if word.ent_iob_ != "O" or word.pos_ != "PROPN" or not word.text[:1].isupper():
        return start
    if word.is_sent_start:
        return start
    joined = doc[before:end].text
    if any(fold_key(c.name) == fold_key(joined) for c in gazetteer.lookup(joined)):
        return before
    return start


def _road_ends(doc: Doc, start: int, end: int, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """The two towns of a road or railway named by its ends ("the Bunia-Mahagi road", "the
    Kaduna-Abuja highway", ``way_nouns`` of toponyms.yaml) that the NER took as one name: the
    names on either side of the hyphen, when a way noun follows and the gazetteer has both (or
    the first, the road's start, when the second is a hamlet it lacks); none otherwise."""
    if end >= len(doc) or not {doc[end].lower_, doc[end].lemma_.lower()} & WAY_NOUNS:
        return []
    hyphens = [i for i in range(start + 1, end - 1) if doc[i].text in _DASHES]
    if len(hyphens) != 1:
        return []
    parts = [_trim(doc, start, hyphens[0]), (hyphens[0] + 1, end)]
    if not all(doc[s].text[:1].isupper() for s, _ in parts):
        return []
    found = [part for part in parts if gazetteer.lookup(doc[part[0] : part[1]].text)]
    return found if found and found[0] == parts[0] else []


def _parts(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """An entity split at its commas: the NER sometimes takes "Paris, Tenn." as one GPE."""
    parts, begin = [], start
    for index in range(start, end):
        if doc[index].text == ",":
            parts.append((begin, index))
            begin = index + 1
    parts.append((begin, end))
    return [(s, e) for s, e in parts if s < e]


def organisation_names(actors: ActorsVocabulary) -> frozenset[str]:
    """The folded names and aliases of the non-state actors of an ``actors.yaml`` (groups,
    parties, agencies, outlets): "Hamas" is the group, whatever a gazetteer calls Hamm."""
    return frozenset(
        fold_key(name)
        for entry in actors.actors
        if entry.type not in {"state", "government"}
        for name in (entry.name, *entry.aliases)
    )


def find_mentions(
    doc: Doc,
    gazetteer: Gazetteer,
    org_words: frozenset[str] | None = None,
    org_names: frozenset[str] | None = None,
) -> list[Mention]:
    """Every toponym mention of ``doc`` with its gazetteer candidates, in text order.

    ``org_words``: words that make a name an organisation rather than a place ("Kabul Bank");
    default the ``org_cues`` of the packaged ``roles.yaml``. ``org_names``: the organisations
    an ORG-labelled name is, never a place without a feature word; default those of the
    packaged ``actors.yaml`` (:func:`organisation_names`).
    """
    if org_words is None:
        org_words = load_vocabulary(RolesVocabulary).org_cues
    if org_names is None:
        org_names = organisation_names(load_vocabulary(ActorsVocabulary))
    finder = _Finder(doc, gazetteer, org_words, org_names)
    found: list[Mention] = []
    joined: set[int] = set()  # the tokens of names joined from pieces: no mentions of their own
    for ent in doc.ents:
        if ent.start in joined:
            continue
        if ent.label_ in NAME_PART_LABELS and (
            longest := longest_name(doc, ent.start, ent.end, gazetteer)
        ):
            mention = finder.mention(*longest, "GPE")
            if mention is not None:
                found.append(mention)
                joined.update(range(*longest))
                continue
        if ends := _road_ends(doc, ent.start, ent.end, gazetteer):
            # "the Bunia-Mahagi road" as one ORG/FAC: the towns at its two ends
            found.extend(m for part in ends if (m := finder.mention(*part, "GPE")) is not None)
            continue
        if ent.label_ in PLACE_LABELS or ent.label_ in OTHER_LABELS:
            first = _name_before(doc, ent.start, ent.end, gazetteer, ent.label_)
            for start, end in _parts(doc, first, ent.end):
                mention = finder.mention(start, end, ent.label_)
                if mention is not None:
                    found.append(mention)
    abbreviations = load_abbreviations()
    for token in doc:
        if token.ent_iob_ == "O" and token.text in abbreviations:
            mention = finder.abbreviation(token.i, "")
            if mention is not None:
                found.append(mention)
    for start, end in finder.proper_noun_runs():
        if start in joined:
            continue
        if longest := longest_name(doc, start, end, gazetteer):
            start, end = longest  # "Prince" of "Port-au-Prince" is no name of its own
            joined.update(range(start, end))
            mention = finder.mention(start, end, "GPE")
        else:
            mention = finder.mention(start, end, "PROPN")
        if mention is not None:
            found.append(mention)
    # A cue word swallowed after one entity must not start another mention; of two starting
    # together, the longer name wins ("Dera Ismail Khan" over the run "Dera").
    found.sort(key=lambda m: (m.span[0], -m.span[1]))
    kept: list[Mention] = []
    for mention in found:
        if kept and mention.span[0] < kept[-1].span[1]:
            continue
        kept.append(mention)
    return [m for m in link_qualifiers(doc.text, kept) if m.candidates]


__all__ = [
    "LOCATIVE_WORDS",
    "NEAR_WORDS",
    "OTHER_LABELS",
    "PLACE_LABELS",
    "find_mentions",
    "organisation_names",
]
