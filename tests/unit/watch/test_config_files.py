"""The sources and alert-rules files: valid ones load, mistakes name the file, key and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitroom.errors import ConfigError, VocabularyError
from sitroom.watch.config_files import parse_interval
from sitroom.watch.rules import load_rules
from sitroom.watch.sources import load_sources_file, sources_from_arguments

DOCS = Path(__file__).resolve().parents[3] / "docs" / "watch"


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_intervals() -> None:
    assert parse_interval("30s") == 30
    assert parse_interval("5m") == 300
    assert parse_interval("1.5h") == 5400
    assert parse_interval(45) == 45
    for bad in ("soon", "-5m", 0, True):
        with pytest.raises(ValueError):
            parse_interval(bad)


def test_sources_file_with_defaults(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "sources.yaml",
        "defaults:\n  interval: 10m\n  language: en\n"
        "sources:\n"
        "  - url: https://example.org/rss.xml\n    publisher: Example\n"
        "    license: headlines only\n"
        "  - url: https://example.org/sitemap.xml\n    interval: 1h\n"
        "  - url: https://example.org/rss.xml\n",
    )
    first, second = load_sources_file(path)
    assert (first.url, first.interval_seconds, first.publisher, first.language) == (
        "https://example.org/rss.xml", 600, "Example", "en",
    )  # fmt: skip
    assert first.license == "headlines only"
    assert second.interval_seconds == 3600


def test_sources_file_mistake_names_file_key_and_line(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "sources.yaml",
        "sources:\n  - url: https://example.org/rss.xml\n  - url: https://example.org/b\n"
        "    intervall: 5m\n",
    )
    with pytest.raises(VocabularyError) as caught:
        load_sources_file(path)
    error = caught.value
    assert error.code == "S160" and error.line == 4 and error.key == "sources.1.intervall"
    assert str(path) in str(error)


def test_arguments_mix_urls_and_files(tmp_path: Path) -> None:
    path = _write(tmp_path, "s.yml", "sources:\n  - url: http://127.0.0.1:9/feed.xml\n")
    found = sources_from_arguments(("https://example.org/a.xml", str(path)), interval=30)
    assert [s.url for s in found] == ["https://example.org/a.xml", "http://127.0.0.1:9/feed.xml"]
    assert {s.interval_seconds for s in found} == {30}
    with pytest.raises(ConfigError):
        sources_from_arguments(("feed.xml",))


def test_alerts_file_loads_and_resolves_jsonl_next_to_it(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "alerts.yaml",
        "rules:\n"
        "  - name: takeovers\n"
        "    events: {types: [FIGHT], countries: [AF], bbox: [60, 29, 75, 39], min_sources: 2}\n"
        "    deliver: {stdout: true, jsonl: out/alerts.jsonl, webhook: 'http://127.0.0.1:9/h'}\n"
        "  - name: denials\n"
        "    claims: {contradiction_actor: Taliban}\n",
    )
    takeovers, denials = load_rules(path)
    assert takeovers.events is not None and takeovers.events.min_sources == 2
    assert takeovers.deliver.jsonl == tmp_path / "out" / "alerts.jsonl"
    assert denials.claims is not None and denials.deliver.dashboard


@pytest.mark.parametrize(
    ("body", "key", "line"),
    [
        ("rules:\n  - name: a\n    events: {typ: [FIGHT]}\n", "rules.0.events.typ", 3),
        ("rules:\n  - name: a\n    deliver: {stdout: true}\n", "rules.0", 2),
        ("rules:\n  - name: a\n    events:\n      bbox: [75, 29, 60, 39]\n", "rules.0.events", 4),
        ("rules:\n  - name: a\n    events: {}\n    deliver: {webhook: 'ftp://x'}\n",
         "rules.0.deliver.webhook", 4),
    ],
)  # fmt: skip
def test_alerts_file_mistakes(tmp_path: Path, body: str, key: str, line: int) -> None:
    path = _write(tmp_path, "alerts.yaml", body)
    with pytest.raises(VocabularyError) as caught:
        load_rules(path)
    assert caught.value.code == "S161"
    assert caught.value.key == key
    assert caught.value.line == line


def test_the_documented_examples_load() -> None:
    if not DOCS.is_dir():
        pytest.fail(f"{DOCS} is missing")
    assert load_rules(DOCS / "alerts.example.yaml")
    assert load_sources_file(DOCS / "sources.example.yaml")
