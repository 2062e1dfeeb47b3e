"""The response: aid developments listed apart from the areas, with the money of the period."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from builders import entity, event, figure, one_day, place
from sitroom.model import Document, Extraction
from sitroom.report import build_report, render_html, render_markdown
from sitroom.store import Store

TEXT = (
    "The World Food Programme delivered food to displaced families in Kadugli on Tuesday. "
    "Donors pledged $5 million for the response. "
    "Gunmen attacked a market in Kadugli on Monday."
)


def relief() -> Extraction:
    t = TEXT
    return Extraction(
        document=Document(
            id="a100000000000007",
            title="Food reaches Kadugli",
            publisher="Example Wire",
            published=dt.date(2024, 6, 12),
            text=t,
        ),
        entities=[entity("e1", "World Food Programme", "igo"), entity("e2", "Gunmen")],
        places=[place("p1", "Kadugli", "SD", 11.01, 29.72, admin1="South Kordofan")],
        events=[
            event(
                t,
                "v1",
                "AID",
                "delivered",
                actor1="e1",
                place="p1",
                date=one_day(dt.date(2024, 6, 11)),
            ),
            event(
                t,
                "v2",
                "ASSAULT",
                "attacked",
                actor1="e2",
                place="p1",
                date=one_day(dt.date(2024, 6, 10)),
            ),
        ],
        figures=[figure(t, "$5 million", 5_000_000, unit="USD")],
    )


def test_aid_and_money_make_the_response_section(tmp_path: Path) -> None:
    with Store(tmp_path / "relief.db") as store:
        store.migrate()
        store.add(relief())
        report = build_report(store, country="SD")
    assert [f.value for f in report.money] == [5_000_000]
    md = render_markdown(report)
    response = md[md.index("## Response and funding") : md.index("## Contested claims")]
    assert "- World Food Programme sent aid in Kadugli, South Kordofan on 11 June 2024.[^1]" in (
        response
    )
    assert "- USD 5 million: “Donors pledged $5 million for the response.”[^1]" in response
    areas = md[md.index("## Developments by area") : md.index("## Response and funding")]
    assert "Gunmen carried out an attack in Kadugli" in areas
    assert "World Food Programme" not in areas
    page = render_html(report)
    assert '<section id="response">' in page and 'class="money"' in page
