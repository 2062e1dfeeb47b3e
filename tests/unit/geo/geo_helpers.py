"""Hand-made inputs for the places tests (candidates, parsed Docs); no model needed."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from sitroom.geo.candidate import Candidate

_VOCAB = spacy.blank("en").vocab


def cand(
    name: str,
    kind: str = "city",
    country: str | None = "XA",
    population: int = 0,
    *,
    uid: str | None = None,
    admin1: str | None = None,
    source: str = "geonames",
    match: str = "exact",
    feature: str = "populated place",
    precision: int | None = None,
) -> Candidate:
    """A hand-made candidate; XA/XB/XC are ISO 3166 user-assigned (fictional) countries."""
    return Candidate(
        uid=uid or f"t:{name}:{kind}:{country}",
        name=name,
        kind=kind,  # type: ignore[arg-type]
        country=country,
        admin1=admin1,
        lat=1.0,
        lon=2.0,
        geonames_id=None,
        population=population,
        feature=feature,
        source=source,  # type: ignore[arg-type]
        precision=precision,
        match=match,  # type: ignore[arg-type]
    )


def tagged(text: str, ents: dict[str, str] | None = None, propn: tuple[str, ...] = ()) -> Doc:
    """A Doc of whitespace-separated tokens ("," and "." stand alone), one sentence per ".".

    ``ents`` maps a space-joined token sequence to its label, applied to every occurrence; tokens
    inside entities or listed in ``propn`` are tagged PROPN, the others NOUN or PUNCT.
    """
    words = text.split()
    labels = ["O"] * len(words)
    for phrase, label in (ents or {}).items():
        parts = phrase.split()
        for i in range(len(words) - len(parts) + 1):
            if words[i : i + len(parts)] == parts and all(
                x == "O" for x in labels[i : i + len(parts)]
            ):
                labels[i] = f"B-{label}"
                for j in range(i + 1, i + len(parts)):
                    labels[j] = f"I-{label}"
    pos = [
        "PROPN" if (labels[i] != "O" or w in propn) else ("PUNCT" if w in {",", "."} else "NOUN")
        for i, w in enumerate(words)
    ]
    spaces = [i + 1 < len(words) and words[i + 1] not in {",", "."} for i in range(len(words))]
    starts = [i == 0 or words[i - 1] == "." for i in range(len(words))]
    return Doc(_VOCAB, words=words, spaces=spaces, pos=pos, ents=labels, sent_starts=starts)
