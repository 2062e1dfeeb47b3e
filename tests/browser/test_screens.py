"""The screens an analyst forwards (issue 18): a streak-free labelled map with a feed beside it
in step with the markers, a timeline whose axis holds the bulk of the events with "earlier" and
"undated" buckets, an event table that says what happened and opens the source, a claims board
that follows the filters, and a download that carries the read token."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from browser.conftest import NARROW, WIDE, Tab, _tab
from browser.dataset import build_db, protest_frankfurt, single_event, small_corpus
from browser.harness import serving
from builders import claim, entity
from sitroom.model import Contradiction, Extraction, Proposition
from sitroom.palette import palette

pytestmark = pytest.mark.browser

SMALL_EVENTS = 6
# Longest edge allowed in an outline, in degrees of longitude: an edge across the antimeridian
# (a "streak" over the whole map) spans almost 360.
MAX_EDGE_DEGREES = 180

# Every path of the basemap pane, as [[x, y], ...] per subpath, in layer pixels.
PATHS = """() => [...document.querySelectorAll('.leaflet-basemap-pane path')].map((p) =>
  (p.getAttribute('d') || '').split(/(?=[Mm])/).filter(Boolean).map((sub) =>
    (sub.match(/-?\\d+(?:\\.\\d+)?/g) || []).map(Number)
      .reduce((pts, v, i, all) => (i % 2 ? pts : pts.concat([[v, all[i + 1]]])), [])))"""


def widest_edge_degrees(page: Any) -> float:
    zoom = int(page.evaluate("() => document.getElementById('map').dataset.zoom"))
    world = 256 * 2**zoom
    widest = 0.0
    for path in page.evaluate(PATHS):
        for points in path:
            ring = [*points, points[0]] if points else []
            for (x1, _), (x2, _) in itertools.pairwise(ring):
                widest = max(widest, abs(x2 - x1) / world * 360)
    return widest


def map_ready(page: Any, events: int) -> None:
    page.wait_for_function(
        f"() => document.getElementById('map').dataset.events === '{events}'"
        " && document.querySelectorAll('.leaflet-basemap-pane path').length > 100"
    )


def test_world_outlines_have_no_edge_across_the_antimeridian(tab: Tab) -> None:
    page = tab.open("?view=map")
    map_ready(page, SMALL_EVENTS)
    # Out to the whole world, where Russia, Fiji and Antarctica cross ±180°.
    while page.evaluate("() => document.getElementById('map').dataset.zoom") != "1":
        page.locator(".leaflet-control-zoom-out").click()
        page.wait_for_timeout(400)
    assert widest_edge_degrees(page) < MAX_EDGE_DEGREES
    tab.shot("map-world-1280")


def test_every_event_is_on_the_map_and_clusters_show_their_mix(tab: Tab) -> None:
    page = tab.open("?view=map")
    map_ready(page, SMALL_EVENTS)
    page.wait_for_timeout(500)
    singles = page.locator("#map path.ev-marker").count()
    counts = page.locator("#map .cluster .cluster-count").evaluate_all(
        "els => els.map((e) => Number(e.textContent))"
    )
    clustered = sum(counts)
    assert singles + clustered == SMALL_EVENTS
    # A cluster of events of two quad classes draws one arc per class.
    mixed = page.locator("#map .cluster", has=page.locator(".cluster-part + .cluster-part"))
    assert mixed.count() >= 1
    legend = page.locator(".legend").inner_text()
    assert "fighting, assault" in legend and "Material conflict" in legend


def test_type_symbols_and_province_level_markers(tab: Tab) -> None:
    page = tab.open("?view=map&type=PROTEST")
    map_ready(page, 2)
    page.wait_for_selector("#map path.ev-marker")
    assert page.locator("#map path.ev-marker.shape-flag").count() == 2
    province = page.locator("#map path.ev-marker.precision-3")
    assert province.count() == 1 and province.get_attribute("stroke-dasharray")
    exact = page.locator("#map path.ev-marker.precision-1")
    assert exact.get_attribute("stroke-dasharray") is None
    # Coloured from data/palette.yaml, served as /static/palette.css.
    quad = re.search(r"quad-(\w+)", exact.get_attribute("class") or "")
    assert quad and exact.get_attribute("fill") == palette().colour(quad.group(1))


def test_country_and_place_labels_at_country_zoom(tab: Tab) -> None:
    page = tab.open("?view=map&country=UA")
    map_ready(page, 2)
    page.wait_for_function("() => Number(document.getElementById('map').dataset.zoom) >= 5")
    page.wait_for_selector("#map .label-place span, #map .label-admin1 span")
    countries = page.locator("#map .label-country").all_inner_texts()
    assert any(name.lower() == "ukraine" for name in countries), countries
    places = page.locator("#map .label-place, #map .label-admin1").all_inner_texts()
    assert "Vovchansk" in places or "Zaporizhzhia Oblast" in places, places
    assert page.locator("#map .label-place span").first.is_visible()
    tab.shot("map-country-labels-1280")


def test_feed_and_map_follow_each_other(tab: Tab) -> None:
    page = tab.open("?view=map")
    map_ready(page, SMALL_EVENTS)
    items = page.locator("#feed-list .feed-item")
    assert items.count() == SMALL_EVENTS
    # Latest first: the Nairobi aid of 15 March heads the feed.
    assert "Nairobi" in items.first.inner_text()
    # Feed → map: hovering a line rings the marker or cluster holding it.
    items.first.hover()
    page.wait_for_selector("#map .is-focus")
    # Feed → map: a click opens the event's popup, with the same one-line description.
    line = items.nth(1)
    what = line.locator(".feed-what").inner_text()
    line.click()
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    assert popup.locator(".popup-what").inner_text() == what
    # Map → feed: hovering a marker marks its line.
    page.locator(".leaflet-popup-close-button").click()
    marker = page.locator("#map .ev-icon").first
    marker.hover(force=True)
    page.wait_for_selector("#feed-list .feed-item.is-focus")
    # The feed follows the filters.
    tab.open("?view=map&type=PROTEST")
    page.wait_for_function("() => document.querySelectorAll('#feed-list .feed-item').length === 2")
    tab.shot("map-feed-1280")
    # "Only on the map in view": a click zooms to Frankfurt, and the feed keeps what is there.
    page.check("#feed-inview")
    page.locator("#feed-list .feed-item", has_text="Frankfurt").click()
    page.wait_for_function("() => document.querySelectorAll('#feed-list .feed-item').length === 1")
    assert "Frankfurt" in page.locator("#feed-list .feed-item").inner_text()
    page.uncheck("#feed-inview")
    page.wait_for_function("() => document.querySelectorAll('#feed-list .feed-item').length === 2")


@pytest.fixture(scope="module")
def dated_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The small corpus plus an undated protest, one reported as of 2006 and talks held where
    the undated protest was."""
    base = protest_frankfurt()
    undated_text = "Students marched through the old town of Lyon. Nobody gave a date for it."
    undated = single_event(
        undated_text, title="March in Lyon", publisher="Rhone Daily", kind="PROTEST",
        actor="Students", actor_phrase="Students", trigger="marched",
        where=("Lyon", "FR", 45.76, 4.84, 1), day=6,
    )  # fmt: skip
    no_date = undated.events[0].date.model_copy(update={"start": None, "end": None})
    undated = undated.model_copy(
        update={"events": [undated.events[0].model_copy(update={"date": no_date})]}
    )
    old_text = "Miners struck at the pits near Katowice over unpaid wages, a report said."
    old = single_event(
        old_text, title="Strike near Katowice", publisher="Silesia News", kind="PROTEST",
        actor="Miners", actor_phrase="Miners", trigger="struck",
        where=("Katowice", "PL", 50.26, 19.02, 1), day=7,
    )  # fmt: skip
    day = base.events[0].date.model_copy(
        update={"start": dt.date(2006, 5, 2), "end": dt.date(2006, 5, 2)}
    )
    old = old.model_copy(update={"events": [old.events[0].model_copy(update={"date": day})]})
    # Another event at the undated one's place: two co-located markers.
    lyon_text = "Teachers met city officials in Lyon to talk about pay on the same morning."
    lyon = single_event(
        lyon_text, title="Teachers meet officials in Lyon", publisher="Lyon Soir",
        kind="CONSULT", actor="Teachers", actor_phrase="Teachers", trigger="met",
        where=("Lyon", "FR", 45.76, 4.84, 1), day=9,
    )  # fmt: skip
    extractions = [*small_corpus(), undated, old, lyon]
    db = build_db(tmp_path_factory.mktemp("dated") / "dated.db", extractions)
    with serving(db) as url:
        yield url


@pytest.fixture
def dated_tab(browser: Any, dated_url: str) -> Iterator[Tab]:
    yield from _tab(browser, dated_url, WIDE)


def test_timeline_axis_holds_the_bulk_with_earlier_and_undated_buckets(dated_tab: Tab) -> None:
    page = dated_tab.open("?view=timeline")
    page.wait_for_selector("#timeline-big .bucket-undated")
    big = page.locator("#timeline-big")
    assert big.get_attribute("data-undated") == "1"
    assert big.get_attribute("data-earlier") == "1"
    # The 2006 strike does not stretch the axis: it spans the March 2025 events only.
    assert int(big.get_attribute("data-days") or 0) <= 31
    ticks = page.locator("#timeline-big .axis text").evaluate_all(
        "els => els.map((e) => e.textContent)"
    )
    assert not [t for t in ticks if t.startswith("2006")]
    # The type filter applies: only protests (Frankfurt, Zaporizhzhia, Lyon undated, 2006).
    dated_tab.open("?view=timeline&type=PROTEST")
    page.wait_for_function(
        "() => document.querySelectorAll('#timeline-big .bars rect.bar').length === 2"
    )
    assert big.get_attribute("data-undated") == "1"
    dated_tab.shot("timeline-buckets-1280")


def test_co_located_events_fan_out(dated_tab: Tab) -> None:
    page = dated_tab.open("?view=map&country=FR")
    map_ready(page, 2)
    cluster = page.locator("#map .cluster")
    cluster.wait_for()
    assert page.locator("#map .ev-icon").count() == 0  # one place, one cluster at any zoom
    # As a reader does: the pointer rests on the cluster (the feed follows it), then clicks.
    cluster.hover()
    page.wait_for_selector("#feed-list .is-focus")
    cluster.click()
    page.wait_for_function("() => document.querySelectorAll('#map .ev-icon').length === 2")
    page.wait_for_timeout(400)  # the fan-out animation
    boxes = [icon.bounding_box() for icon in page.locator("#map .ev-icon").all()]
    assert boxes[0] and boxes[1]
    apart = abs(boxes[0]["x"] - boxes[1]["x"]) + abs(boxes[0]["y"] - boxes[1]["y"])
    assert apart > 10
    dated_tab.shot("map-fanned-out-1280")


def test_background_events_fold_into_the_earlier_bucket(tab: Tab) -> None:
    # The bucketing itself, in the page: a background mention inside the period is no bar.
    page = tab.open("?view=timeline")
    page.wait_for_selector("#timeline-big rect.bar")
    bins = page.evaluate(
        """async () => {
          const { timeBins } = await import('/static/app/js/timebins.js');
          const e = (d, background = false) => ({ dateStart: d, quad: 'other', background });
          const b = timeBins([e('2025-03-01'), e('2025-03-02'), e('2025-03-02', true), e(null)]);
          return { days: b.bins.length, earlier: b.earlier.count, undated: b.undated.count };
        }"""
    )
    assert bins == {"days": 2, "earlier": 1, "undated": 1}


def test_table_says_what_happened_and_a_row_opens_the_source(tab: Tab) -> None:
    page = tab.open("?view=table&type=CONSULT")
    page.wait_for_function("() => document.querySelectorAll('#events-table tbody tr').length === 1")
    what = page.locator("#events-table tbody td.what").inner_text()
    assert what.startswith("Defence Ministry planned to hold talks")
    page.locator("#events-table tbody td.what").click()
    page.wait_for_selector(".focus-trigger")
    assert "view=source" in page.url
    assert page.locator(".focus-trigger").inner_text() == "Talks"
    tab.shot("table-row-opened-1280")


@pytest.mark.parametrize(
    ("country", "cards", "expected"),
    [("UA", 1, "Vovchansk"), ("AL", 1, "Tirana"), ("KE", 0, "No contested events match")],
)
def test_claims_board_follows_the_country_filter(
    tab: Tab, country: str, cards: int, expected: str
) -> None:
    page = tab.open(f"?view=claims&country={country}")
    page.wait_for_function(
        "() => !document.querySelector('#claims-status[data-kind=loading]')"
        " && document.getElementById('claims-status').textContent"
    )
    assert page.locator(".claim-card").count() == cards
    view = page.locator("#view-claims").inner_text()
    assert expected in view
    assert "No hedges" not in view
    assert "1 independent sources" not in view and "1 articles" not in view
    assert page.input_value("#f-country") == country


def _disputed_ridge() -> Extraction:
    """An article where a rebel front claims a town and the ministry denies it."""
    text = (
        "The Hill Front said it captured Goris on Friday. "
        "The Defence Ministry rejected the claim that Goris had fallen."
    )
    base = single_event(
        text, title="Front claims Goris", publisher="Caucasus Wire", kind="ASSAULT",
        actor="Hill Front", actor_phrase="Hill Front", trigger="captured",
        where=("Goris", "AM", 39.51, 46.34, 1), day=8,
    )  # fmt: skip
    proposition = Proposition(
        kind="event", family="violence", place="Goris", text="Hill Front captured Goris"
    )
    return base.model_copy(
        update={
            "entities": [
                *base.entities,
                entity("e2", "Defence Ministry", "government"),
                entity("e3", "Government", "government"),
            ],
            "claims": [
                claim(
                    text,
                    "c1",
                    "assert",
                    "it captured Goris",
                    claimant="e1",
                    side="e1",
                    event="ev1",
                    proposition=proposition,
                ),
                claim(
                    text,
                    "c2",
                    "deny",
                    "Goris had fallen",
                    claimant="e2",
                    side="e3",
                    event="ev1",
                    proposition=proposition,
                ),
            ],
            "contradictions": [
                Contradiction(
                    claims=("c1", "c2"),
                    reason="the ministry denies the capture",
                    proposition=proposition.text,
                    sides=("Hill Front", "Government"),
                )
            ],
        }
    )


@pytest.fixture(scope="module")
def disputed_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    extractions = [*small_corpus(), _disputed_ridge()]
    db = build_db(tmp_path_factory.mktemp("disputed") / "disputed.db", extractions)
    with serving(db) as url:
        yield url


def _disputes_loaded(page: Any) -> None:
    page.wait_for_function(
        "() => !document.querySelector('#disputes-status[data-kind=loading]')"
        " && document.getElementById('disputes-status').textContent"
    )


def test_board_has_one_card_per_disputed_proposition(browser: Any, disputed_url: str) -> None:
    for tab in _tab(browser, disputed_url, WIDE):
        page = tab.open("?view=claims")
        _disputes_loaded(page)
        # The two pairs of the small corpus state no proposition: each is a card of its own.
        assert page.locator(".dispute-card").count() == 3
        assert page.locator("#disputes-status").inner_text() == "3 disputed propositions"
        card = page.locator(".dispute-card", has_text="Hill Front captured Goris")
        assert card.locator(".dispute-title").inner_text().strip() == "Hill Front captured Goris"
        assert card.locator(".dispute-sides").inner_text() == (
            "asserted by Hill Front · denied by Defence Ministry (Government)"
        )
        assert "1 contradiction · within one article" in card.inner_text()
        assert "it captured Goris" in card.locator(".column-assert").inner_text()
        denies = card.locator(".column-deny").inner_text()
        assert "Goris had fallen" in denies and "Caucasus Wire, 8 Mar 2025" in denies
        assert "Claims by event" in page.locator("#view-claims").inner_text()
        tab.shot("claims-disputes-1280")
        card.locator(".column-deny a").click()
        page.wait_for_selector("#article-text")
        assert "view=source" in page.url and "claim=c2" in page.url


@pytest.mark.parametrize(
    ("country", "titles", "status"),
    [
        ("AM", ["Hill Front captured Goris"], "1 disputed proposition"),
        ("UA", ["Border guards shelled the village of Vovchansk"], "1 disputed proposition"),
        ("KE", [], "No disputed propositions match these filters."),
    ],
)
def test_disputed_propositions_follow_the_country_filter(
    browser: Any, disputed_url: str, country: str, titles: list[str], status: str
) -> None:
    for tab in _tab(browser, disputed_url, WIDE):
        page = tab.open(f"?view=claims&country={country}")
        _disputes_loaded(page)
        shown = page.locator(".dispute-title").all_inner_texts()
        assert [t.strip() for t in shown] == titles
        assert page.locator("#disputes-status").inner_text() == status


def test_download_sends_the_read_token(browser: Any, small_db: Path) -> None:
    with serving(small_db, api_read_token="s3cret-token") as base:
        context = browser.new_context(viewport=WIDE)
        page = context.new_page()
        page.goto(f"{base}/?view=table&type=ASSAULT")
        page.fill("#token-form input", "s3cret-token")
        page.press("#token-form input", "Enter")
        page.wait_for_selector("#events-table tbody tr")
        with page.expect_download() as info:
            page.locator("#download-link").click()
        lines = Path(info.value.path()).read_text(encoding="utf-8").splitlines()
        assert lines[0].startswith("event_id_cnty,")
        assert [row for row in lines[1:] if row] and all(",ASSAULT," in r for r in lines[1:] if r)
        context.close()


SCREENS = {
    "map": "#map path.ev-marker, #map .cluster",
    "timeline": "#timeline-big rect.bar",
    "table": "#events-table tbody tr",
    "claims": ".claim-card",
    "source": ".doc-list li, #article-text",
}


@pytest.mark.parametrize("viewport", [WIDE, NARROW], ids=["1280", "400"])
def test_screenshots_of_every_screen(browser: Any, base_url: str, viewport: dict[str, int]) -> None:
    for tab in _tab(browser, base_url, viewport):
        for view, ready in SCREENS.items():
            page = tab.open(f"?view={view}")
            page.wait_for_selector(ready)
            page.wait_for_timeout(300)
            assert page.evaluate("() => document.documentElement.scrollWidth") <= viewport["width"]
            tab.shot(f"screen-{view}-{viewport['width']}")
        assert re.search(r"view=source", page.url)
