"""Where the time of an ingest goes: seconds per stage, summed over every process.

Stages, in pipeline order::

    reading          files, archives, JSON lines: bytes in, decompression, record parsing
    text extraction  HTML main text (pages, WARC records, feed pages), language, licence, hash
    dedup            exact and near-duplicate checks (MinHash) in the main process
    tokenize         ``nlp.make_doc``
    <component>      each spaCy component: tok2vec, tagger, parser, ner, ... and sitroom_*
    convert          ``Doc`` → the frozen ``Extraction``
    transfer         moving extractions from the workers to the main process (unpickling)
    store            the chunk transactions (and cross-document contradictions)

Worker stages add up the CPU time of all workers, so with two workers they can sum to about
twice the wall time; the table says which side of the process boundary each stage is on.

When profiling is off nothing is wrapped or timed, beyond one ``perf_counter`` per batch.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

T = TypeVar("T")

MAIN_STAGES = ("reading", "text extraction", "dedup")
TAIL_STAGES = ("transfer", "store")


@dataclass
class StageProfile:
    """Seconds and calls per stage; ``merge`` adds what a worker measured."""

    seconds: dict[str, float] = field(default_factory=dict)
    calls: dict[str, int] = field(default_factory=dict)
    wall: float = 0.0
    words: int = 0
    articles: int = 0

    def add(self, stage: str, seconds: float, calls: int = 1) -> None:
        self.seconds[stage] = self.seconds.get(stage, 0.0) + seconds
        self.calls[stage] = self.calls.get(stage, 0) + calls

    def merge(self, seconds: dict[str, float]) -> None:
        for stage, value in seconds.items():
            self.add(stage, value)

    @contextlib.contextmanager
    def timed(self, stage: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.add(stage, time.perf_counter() - started)

    def iterate(self, stage: str, iterable: Iterable[T]) -> Iterator[T]:
        """Yield from ``iterable``, counting the time spent producing each element."""
        iterator = iter(iterable)
        while True:
            started = time.perf_counter()
            try:
                value = next(iterator)
            except StopIteration:
                self.add(stage, time.perf_counter() - started, 0)
                return
            self.add(stage, time.perf_counter() - started)
            yield value

    def ordered(self) -> list[str]:
        known = [*MAIN_STAGES]
        rest = [s for s in self.seconds if s not in (*MAIN_STAGES, *TAIL_STAGES)]
        return [s for s in (*known, *rest, *TAIL_STAGES) if s in self.seconds]

    def table(self, title: str = "stage profile") -> str:
        total = sum(self.seconds.values()) or 1.0
        lines = [f"{title}", f"  {'stage':<20} {'seconds':>9} {'share':>7} {'ms/article':>11}"]
        for stage in self.ordered():
            value = self.seconds[stage]
            per = value * 1000 / self.articles if self.articles else 0.0
            lines.append(f"  {stage:<20} {value:>9.2f} {value / total:>7.1%} {per:>11.2f}")
        summed = "(elapsed seconds in each stage, summed over all processes)"
        lines.append(f"  {'all stages':<20} {total:>9.2f}   {summed}")
        if self.wall:
            lines.append(f"  {'wall time':<20} {self.wall:>9.2f}")
        return "\n".join(lines)


def timed_pipeline(
    nlp: Any,
    docs: list[Any],
    seconds: dict[str, float] | None,
    batch_size: int,
    *,
    only: Collection[str] | None = None,
) -> list[Any]:
    """Run ``nlp``'s components (those named in ``only``, if given) over a batch of made Docs,
    one component at a time.

    This is what ``nlp.pipe`` does with one batch (trainable components get the whole batch
    through their ``pipe``), written out so that each component can be timed when ``seconds``
    is given.
    """
    for name, proc in nlp.pipeline:
        if only is not None and name not in only:
            continue
        started = time.perf_counter() if seconds is not None else 0.0
        pipe: Callable[..., Iterable[Any]] | None = getattr(proc, "pipe", None)
        if pipe is not None:
            docs = list(pipe(docs, batch_size=batch_size))
        else:
            docs = [proc(doc) for doc in docs]
        if seconds is not None:
            seconds[name] = seconds.get(name, 0.0) + time.perf_counter() - started
    return docs


@contextlib.contextmanager
def reader_timing(profile: StageProfile | None) -> Iterator[None]:
    """While profiling, time the readers' text extraction apart from their reading.

    The readers offer no timing hook, so this wraps, for the duration of the block, the two
    functions where text extraction happens: ``HtmlReader.extract`` (main text of a page) and
    ``build_item`` (language, licence, content hash) as each reader module imported it. The
    time of nested calls is counted once, and taken out of ``reading`` (timed around the whole
    reader by the intake) when the block ends. Nothing is wrapped when ``profile`` is None.
    """
    if profile is None:
        yield
        return
    from sitroom.ingest import feed, html, jsonl, plain

    depth = 0

    def wrap(function: Callable[..., T]) -> Callable[..., T]:
        def timed(*args: Any, **kwargs: Any) -> T:
            nonlocal depth
            if depth:
                return function(*args, **kwargs)
            depth += 1
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                depth -= 1
                profile.add("text extraction", time.perf_counter() - started)

        return timed

    patched: list[tuple[Any, str, Any]] = [
        (module, "build_item", module.build_item) for module in (feed, html, jsonl, plain)
    ]
    patched.append((html.HtmlReader, "extract", html.HtmlReader.extract))
    before = profile.seconds.get("text extraction", 0.0)
    try:
        for owner, name, original in patched:
            setattr(owner, name, wrap(original))
        yield
    finally:
        for owner, name, original in patched:
            setattr(owner, name, original)
        # "reading" was timed around the whole reader: take the text extraction out of it.
        inner = profile.seconds.get("text extraction", 0.0) - before
        if "reading" in profile.seconds:
            profile.seconds["reading"] = max(profile.seconds["reading"] - inner, 0.0)


__all__ = [
    "StageProfile",
    "reader_timing",
    "timed_pipeline",
]
