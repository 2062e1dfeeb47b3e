"""A claim whose content joins clauses is one claim per clause when a later clause names a
happening ("Dvorak called Kovac several times, then shot her") or is reported with a mark of
its own ("argued that no one saw him and that he was innocent"): each clause is a proposition
of its own, which a denial of one or the other meets.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Token

from sitroom.claims.contradictions import RawClaim
from sitroom.claims.propositions import CONJOINED, PropositionFinder

_FINITE = {"VBD", "VBZ", "VBP"}


class ClauseCutter:
    """Cuts the contents of one document's claims into clauses."""

    def __init__(self, finder: PropositionFinder) -> None:
        self.finder = finder

    def _marked(self, verb: Token) -> bool:
        """A clause opened by a mark of reported content of its own ("and that he was ...")."""
        return any(
            c.dep_ == "mark" and c.lower_ in self.finder.cues.content_marks for c in verb.children
        )

    def clauses(self, span: tuple[int, int]) -> list[tuple[int, int]]:
        """The content ``span`` cut before each finite verb conjoined to its main verb that
        names a happening, and before each conjoined clause with a mark of its own ("that A
        and that B": two things reported) (``split_conjoined``); the span itself when there is
        none."""
        found = self.finder.doc.char_span(span[0], span[1], alignment_mode="expand")
        main = self.finder.main_word(list(found)) if found is not None else None
        if found is None or main is None or main.pos_ not in {"VERB", "AUX"}:
            return [span]
        inside = range(found.start, found.end)
        cuts = sorted(
            c.left_edge.i
            for c in main.children
            if c.dep_ in CONJOINED
            and c.pos_ in {"VERB", "AUX"}
            and c.tag_ in _FINITE
            and c.left_edge.i in inside
            and c.right_edge.i in inside
            and (
                (c.pos_ == "VERB" and main.pos_ == "VERB" and self.finder.happening(c))
                or self._marked(c)
            )
        )
        if not cuts:
            return [span]
        pieces: list[tuple[int, int]] = []
        for start, end in zip([found.start, *cuts], [*cuts, found.end], strict=True):
            words = [t for t in self.finder.doc[start:end] if not (t.is_punct or t.dep_ == "cc")]
            while start != found.start and words and words[0].dep_ == "mark":
                words.pop(0)  # "and that he was innocent": the clause, not its mark
            while words and (words[-1].is_punct or words[-1].dep_ == "cc"):
                words.pop()
            if words:
                first = max(words[0].idx, span[0]) if start == found.start else words[0].idx
                last = min(words[-1].idx + len(words[-1]), span[1])
                pieces.append((first, last))
        return pieces or [span]


def split_conjoined(raw: Sequence[RawClaim], finder: PropositionFinder) -> list[RawClaim]:
    """``raw`` with each claim whose content joins clauses ("Dvorak called Kovac several times,
    then shot her") cut into one claim per clause when a later clause names a happening: each
    clause is a proposition of its own, and a denial of one ("he did not call her") or of the
    other ("pleaded not guilty to murder") meets it. A claim that reports or denies another
    stays whole."""
    cutter = ClauseCutter(finder)
    linked = {id(c.embedded_in) for c in raw} | {id(c.denies) for c in raw}
    out: list[RawClaim] = []
    for claim in raw:
        if claim.denies is not None or claim.embedded_in is not None or id(claim) in linked:
            out.append(claim)
            continue
        out.extend(replace(claim, span=span) for span in cutter.clauses(claim.span))
    return out


__all__ = ["ClauseCutter", "split_conjoined"]
