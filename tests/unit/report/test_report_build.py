"""build_report on a real SQLite store: scope, merge, order, citations, figures, disputes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sitroom.errors import ReportError
from sitroom.report import Report, build_report
from sitroom.store import Store
from unit.report.articles import follow_up, herat, peshawar, rukha
from unit.report.conftest import NOW

RUKHA, FOLLOW_UP, HERAT, PESHAWAR = (x().document.id for x in (rukha, follow_up, herat, peshawar))


def numbers(report: Report) -> dict[str, int]:
    return {s.document_id: s.number for s in report.sources}


def test_sources_are_numbered_by_publication_date(report: Report) -> None:
    assert [s.document_id for s in report.sources] == [HERAT, RUKHA, FOLLOW_UP, PESHAWAR]
    assert [s.number for s in report.sources] == [1, 2, 3, 4]
    first = report.source(2)
    assert (first.title, first.publisher, first.url, first.license) == (
        "Northern Front attacks Taliban in Rukha",
        "Example Wire",
        "https://news.example/rukha",
        "CC-BY-4.0",
    )
    assert report.generated_at == NOW


def test_developments_in_date_order_citing_their_sources(report: Report) -> None:
    starts = [d.date_start for d in report.developments]
    assert starts == sorted(s for s in starts if s is not None)
    n = numbers(report)
    by_line = {(d.type, d.actor1, d.actor2, d.place): d for d in report.developments}
    # One happening, merged by the store's corpus events: two articles, three mentions.
    fight = by_line[("FIGHT", "Northern Front", "Taliban", "Rukha")]
    assert fight.sources == (n[RUKHA], n[FOLLOW_UP])
    assert fight.triggers == ("attacked", "captured")
    assert by_line[("ASSAULT", None, "Police", "Herat")].sources == (n[HERAT],)
    assert by_line[("CONSULT", None, None, "Doha")].sources == (n[FOLLOW_UP],)
    assert report.event_mentions == 6 and len(report.developments) == 4
    assert report.merge == "corpus"


def test_modality_of_each_mention_is_kept(report: Report) -> None:
    n = numbers(report)
    fight = next(d for d in report.developments if d.type == "FIGHT")
    assert [(m.source, m.modality, m.attributed_to) for m in fight.mentions] == [
        (n[RUKHA], "asserted", None),
        (n[FOLLOW_UP], "asserted", None),
        (n[RUKHA], "claimed", "Taliban"),
    ]
    assert fight.asserted and fight.contested  # a claim about it is disputed
    planned = next(d for d in report.developments if d.type == "CONSULT")
    assert planned.mentions[0].modality == "planned" and not planned.asserted


def test_developments_are_the_stores_corpus_events(store: Store, report: Report) -> None:
    # One definition of "the same happening": each development is one corpus event, with the
    # corpus event's own mentions, even where the per-article events differ ("captured" and
    # "attacked" are one fight).
    corpus = store.corpus_events()
    members = store.corpus_members([c.id for c in corpus])
    assert len(report.developments) == len(corpus)
    assert sorted(len(d.mentions) for d in report.developments) == sorted(
        len(keys) for keys in members.values()
    )


def test_a_report_on_an_empty_store_has_no_developments(tmp_path: Path) -> None:
    with Store(tmp_path / "empty.db") as empty:
        empty.migrate()
        found = build_report(empty, now=NOW)
    assert (found.developments, found.event_mentions, found.merge) == ((), 0, "corpus")


def test_fatalities_per_source_and_total_of_distinct_asserted_events(report: Report) -> None:
    n = numbers(report)
    fight = next(d for d in report.developments if d.actor1 == "Northern Front")
    assert fight.fatality_reports == ((n[RUKHA], 12), (n[FOLLOW_UP], 15))
    # Herat 3 + Rukha's highest report 15; the claimed Peshawar raid is left out.
    assert report.fatalities is not None
    assert (report.fatalities.total, report.fatalities.developments) == (18, 2)
    assert report.fatalities.excluded == 1


def test_figures_as_reported_with_qualifier_and_sentence(report: Report) -> None:
    n = numbers(report)
    families = next(f for f in report.figures if f.what == "families")
    assert (families.value, families.qualifier, families.source) == (3000, "more_than", n[RUKHA])
    assert families.wording == "More than 3,000 families"
    assert families.sentence == "More than 3,000 families fled Rukha, officials said."


def test_contest_shows_both_sides_within_and_across_articles(report: Report) -> None:
    n = numbers(report)
    (contest,) = report.contests
    assert [(c.claimant, c.stance, c.source) for c in contest.asserting] == [
        ("Taliban", "assert", n[RUKHA])
    ]
    assert {(c.claimant, c.text, c.source) for c in contest.denying} == {
        ("Northern Front", "that claim", n[RUKHA]),
        ("Northern Front", "reports of the fall of Rukha", n[FOLLOW_UP]),
    }
    assert contest.across_articles
    assert "Northern Front denies it" in contest.reasons


def test_quotes_with_speaker_and_source(report: Report) -> None:
    assert [(q.speaker, q.text, q.kind, q.source) for q in report.quotes] == [
        ("Amrullah Noor", "we will not surrender", "direct", numbers(report)[RUKHA])
    ]


def test_counts_by_plover_and_acled_type(report: Report) -> None:
    assert [(c.label, c.count) for c in report.by_type] == [
        ("ASSAULT", 2), ("CONSULT", 1), ("FIGHT", 1),
    ]  # fmt: skip
    acled = {c.label: (c.count, c.sources) for c in report.by_acled_type}
    assert acled["Battles"] == (1, (2, 3))


def test_country_filter(store: Store) -> None:
    pk = build_report(store, country="pk")
    assert pk.country == "PK"
    assert [s.document_id for s in pk.sources] == [PESHAWAR]
    assert [d.place for d in pk.developments] == ["Peshawar"]
    assert pk.contests == () and pk.figures == ()
    af = build_report(store, country="AF")
    assert {d.country for d in af.developments} == {"AF"}
    assert FOLLOW_UP in {s.document_id for s in af.sources}  # via Rukha, not Doha


def test_date_filter(store: Store) -> None:
    september = build_report(store, date_from=dt.date(2021, 9, 1), date_to=dt.date(2021, 9, 7))
    assert HERAT not in {s.document_id for s in september.sources}
    assert all(
        d.date_start and dt.date(2021, 9, 1) <= d.date_start <= dt.date(2021, 9, 7)
        for d in september.developments
    )
    assert september.sources[0].number == 1  # renumbered within the report


def test_empty_period_is_a_short_report_not_an_error(store: Store) -> None:
    empty = build_report(store, country="AF", date_from=dt.date(2030, 1, 1))
    assert empty.empty and empty.sources == () and empty.contests == ()
    assert empty.fatalities is None


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"date_from": dt.date(2021, 9, 7), "date_to": dt.date(2021, 9, 1)}, "S701"),
        ({"country": "Afghanistan"}, "S702"),
    ],
)
def test_bad_options_raise_report_errors(
    store: Store, kwargs: dict[str, object], code: str
) -> None:
    with pytest.raises(ReportError) as caught:
        build_report(store, **kwargs)  # type: ignore[arg-type]
    assert caught.value.code == code
