"""The dashboard in a real headless chromium against the real app: map, filters, timeline
brushing, claims board, source view, URL state, keyboard use and narrow screens."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from browser.conftest import NARROW, Tab

pytestmark = pytest.mark.browser

SMALL_EVENTS = 6


def table_rows(page: Any, count: int) -> Any:
    page.wait_for_function(
        f"() => document.querySelectorAll('#events-table tbody tr').length === {count}"
        " && !document.getElementById('table-status').textContent.includes('Loading')"
    )
    return page.locator("#events-table tbody tr")


def test_map_shows_markers_with_legend_and_province_level_distinct(tab: Tab) -> None:
    page = tab.open("?view=map")
    page.wait_for_function(
        f"() => document.getElementById('map').dataset.events === '{SMALL_EVENTS}'"
    )
    markers = page.locator("path.ev-marker, .cluster")
    assert markers.count() >= 1
    legend = page.locator(".legend").inner_text()
    assert "Material conflict" in legend
    assert "province or wider" in legend
    # Country outlines from the offline basemap.
    assert page.locator(".leaflet-basemap-pane path").count() > 100
    tab.shot("map-1280")
    # Zoomed in on Europe, the places are apart: one symbol each, the province one dashed.
    tab.open("?view=map&country=UA")
    page.wait_for_function("() => document.getElementById('map').dataset.events === '2'")
    page.wait_for_selector("path.ev-marker.precision-3")
    assert page.locator("path.ev-marker").count() == 2
    province = page.locator("path.ev-marker.precision-3")
    assert province.get_attribute("stroke-dasharray")
    assert page.locator("path.ev-marker.precision-1").get_attribute("stroke-dasharray") is None
    assert page.locator("path.quad-material_conflict").first.get_attribute("fill") == "#d2443c"


def test_marker_popup_opens_the_source_view(tab: Tab) -> None:
    page = tab.open("?view=map&type=ASSAULT")
    page.wait_for_function("() => document.getElementById('map').dataset.events === '1'")
    page.locator("path.ev-marker").first.click(force=True)
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    text = popup.inner_text()
    for expected in ("ASSAULT", "Border Guard Service", "Vovchansk", "2025-03-03", "Sources"):
        assert expected in text
    popup.get_by_role("link", name="Open source").click()
    page.wait_for_selector(".focus-trigger")
    assert "view=source" in page.url
    assert page.locator(".focus-trigger").inner_text() == "shelled"


def test_filter_by_type_and_date_through_the_form(tab: Tab) -> None:
    page = tab.open("?view=table")
    table_rows(page, SMALL_EVENTS)
    page.select_option("#f-type", "PROTEST")
    rows = table_rows(page, 2)
    assert all(t == "PROTEST" for t in rows.evaluate_all("rs => rs.map(r => r.dataset.type)"))
    assert "type=PROTEST" in page.url
    page.fill("#f-date_from", "2025-03-10")
    page.dispatch_event("#f-date_from", "change")
    rows = table_rows(page, 1)
    assert "Zaporizhzhia" in rows.first.inner_text()
    assert "date_from=2025-03-10" in page.url
    tab.shot("table-filtered-1280")
    # The URL restores the filters and the table on reload.
    page.reload()
    table_rows(page, 1)
    assert page.input_value("#f-type") == "PROTEST"
    assert page.input_value("#f-date_from") == "2025-03-10"
    page.click("#f-clear")
    table_rows(page, SMALL_EVENTS)
    assert "type=" not in page.url


def test_text_and_actor_filters_apply_on_enter(tab: Tab) -> None:
    page = tab.open("?view=table")
    table_rows(page, SMALL_EVENTS)
    page.fill("#f-actor", "red cross")
    page.press("#f-actor", "Enter")
    rows = table_rows(page, 1)
    assert "Red Cross" in rows.first.inner_text()
    assert "actor=red+cross" in page.url


def test_brushing_the_timeline_filters_map_and_table(tab: Tab) -> None:
    page = tab.open("?view=table")
    table_rows(page, SMALL_EVENTS)
    strip = page.locator("#timeline-strip")
    first = strip.locator(
        "rect.bar", has=page.locator("title", has_text="2025-03-03")
    ).bounding_box()
    last = strip.locator(
        "rect.bar", has=page.locator("title", has_text="2025-03-08")
    ).bounding_box()
    assert first and last
    y = first["y"] + first["height"] / 2
    page.mouse.move(first["x"] + first["width"] / 2, y)
    page.mouse.down()
    page.mouse.move((first["x"] + last["x"]) / 2, y, steps=4)
    page.mouse.move(last["x"] + last["width"] / 2, y, steps=4)
    page.mouse.up()
    page.wait_for_url(re.compile(r"date_from=2025-03-03&date_to=2025-03-08"))
    rows = table_rows(page, 3)
    types = sorted(rows.evaluate_all("rs => rs.map(r => r.dataset.type)"))
    assert types == ["ASSAULT", "FIGHT", "PROTEST"]
    assert page.input_value("#f-date_to") == "2025-03-08"
    assert float(strip.locator(".brush-selection").get_attribute("width") or 0) > 0
    tab.shot("timeline-brushed-1280")
    page.locator(".tab[data-view=map]").click()
    page.wait_for_function("() => document.getElementById('map').dataset.events === '3'")


def test_timeline_screen(tab: Tab) -> None:
    page = tab.open("?view=timeline")
    page.wait_for_selector("#timeline-big rect.bar")
    assert page.locator("#timeline-big rect.bar").count() == SMALL_EVENTS
    tab.shot("timeline-1280")


def test_claims_board_shows_both_sides_of_a_contested_event(tab: Tab) -> None:
    page = tab.open("?view=claims")
    card = page.locator(".claim-card", has_text="ASSAULT")
    card.wait_for()
    assert page.locator(".claim-card").count() == 2
    supporting = card.locator(".claim-column").nth(0)
    opposing = card.locator(".claim-column").nth(1)
    assert (supporting.locator("h4").text_content() or "").startswith("For")
    assert "local officials" in supporting.inner_text()
    assert "Border guards shelled the village of Vovchansk" in supporting.inner_text()
    assert "reportedly" in supporting.locator(".chip").inner_text()
    assert "Example Wire" in supporting.inner_text()
    assert "4 Mar 2025" in supporting.inner_text()
    assert (opposing.locator("h4").text_content() or "").startswith("Against")
    assert "Defence Ministry" in opposing.inner_text()
    assert "any attack" in opposing.inner_text()
    tab.shot("claims-1280")
    card.locator(".claim-column").nth(1).get_by_role("link").first.click()
    page.wait_for_selector(".focus-trigger")


def test_source_view_highlights_the_chosen_events_trigger(tab: Tab) -> None:
    page = tab.open("?view=table&type=CONSULT")
    rows = table_rows(page, 1)
    rows.first.get_by_role("link").last.click()
    page.wait_for_selector(".focus-trigger")
    assert "view=source" in page.url
    trigger = page.locator(".focus-trigger")
    assert trigger.inner_text() == "Talks"
    assert "hl-trigger" in (trigger.get_attribute("class") or "")
    sentence = page.locator(".focus-sentence").all_inner_texts()
    assert "".join(sentence).startswith("Talks with the neighbours")
    assert trigger.is_visible()
    # Every kind is highlighted and each can be switched off.
    for kind in ("entity", "place", "time", "trigger", "quote", "claim"):
        assert page.locator(f".article-text .hl-{kind}").count() >= 1, kind
    page.locator(".focus-card").wait_for()
    assert "CONSULT" in page.locator(".focus-card").inner_text()
    page.uncheck("input[data-kind=entity]")
    assert "hide-entity" in (page.locator("#article-text").get_attribute("class") or "")
    tab.shot("source-1280")
    # Offsets count code points: the emoji before the text does not shift the marks.
    page.locator(".source-side a", has_text="ASSAULT").click()
    page.wait_for_function(
        "() => document.querySelector('.focus-trigger')?.textContent === 'shelled'"
    )


def test_source_list_and_keyboard_navigation(tab: Tab) -> None:
    page = tab.open("?view=source")
    page.wait_for_selector(".doc-list li")
    assert page.locator(".doc-list li").count() == 5
    link = page.locator(".doc-list a", has_text="Farmers block")
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("#article-text")
    assert "Farmers" in page.locator("#article-text").inner_text()
    # Sorting with the keyboard: focus a header button and press Enter, then Space.
    tab.open("?view=table")
    table_rows(page, SMALL_EVENTS)
    page.focus("button.sort[data-sort=place]")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile("sort=place&dir=desc"))
    places = page.locator("#events-table tbody tr td:nth-child(4)").all_inner_texts()
    assert places == sorted(places, key=str.lower, reverse=True)
    page.focus("button.sort[data-sort=place]")
    page.keyboard.press("Space")
    page.wait_for_url(re.compile("dir=asc"))
    places = page.locator("#events-table tbody tr td:nth-child(4)").all_inner_texts()
    assert places == sorted(places, key=str.lower)


def test_narrow_screens(narrow_tab: Tab) -> None:
    tab = narrow_tab
    page = tab.open("?view=map")
    page.wait_for_selector("path.ev-marker")
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= NARROW["width"]
    tab.shot("map-400")
    for view in ("timeline", "table", "claims"):
        tab.open(f"?view={view}")
        page.wait_for_function(
            "() => !document.querySelector('.view:not([hidden]) .status[data-kind=loading]')"
        )
        page.wait_for_timeout(200)
        tab.shot(f"{view}-400")
    tab.open("?view=source&doc=" + page.evaluate("() => ''"))
    page.wait_for_selector(".doc-list li")
    page.locator(".doc-list a", has_text="Shelling").click()
    page.wait_for_selector("#article-text")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= NARROW["width"]
    tab.shot("source-400")


def test_report_link_opens_the_situation_report_of_the_filtered_period(tab: Tab) -> None:
    page = tab.open("?view=table&date_from=2025-03-01&date_to=2025-03-31")
    link = page.locator("#report-link")
    assert link.get_attribute("href") == (
        "/api/report?format=html&date_from=2025-03-01&date_to=2025-03-31"
    )
    link.click()
    page.wait_for_selector("h1")
    assert "/api/report" in page.url
    body = page.locator("body").inner_text()
    assert "Developments by area" in body and "Sources" in body
    # A static page: its own policy forbids every script.
    assert page.evaluate("() => document.scripts.length") == 0
    tab.shot("report-1280")


def test_download_gives_the_filtered_events_as_csv(tab: Tab) -> None:
    page = tab.open("?view=table&type=ASSAULT&date_from=2025-03-01&date_to=2025-03-31")
    link = page.locator("#download-link")
    href = link.get_attribute("href")
    assert href == ("/api/events?format=csv&type=ASSAULT&date_from=2025-03-01&date_to=2025-03-31")
    with page.expect_download() as info:
        link.click()
    download = info.value
    assert download.suggested_filename == "events.csv"
    lines = Path(download.path()).read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("event_id_cnty,event_date,year,")
    rows = [line for line in lines[1:] if line]
    assert rows and all(",ASSAULT," in row for row in rows)
