"""Insights and the doctor report on screen, and the gentle note after very many entries in a day."""

import dataclasses
import datetime as dt

import flet as ft
import pytest

from pwa import routes
from pwa.adapters.file_exchange import FolderExchange
from pwa.core.relaxation_log import SessionRecord
from tests.flet_harness import mounted
from tests.factories import NOW_LOCAL, log_episode

NOW = NOW_LOCAL


@pytest.fixture
def folder(tmp_path):
    return tmp_path / "files"


@pytest.fixture
def deps(deps, folder):
    return dataclasses.replace(deps, now=lambda: NOW, file_exchange=FolderExchange(folder))


def add(deps, days_ago: int, hour: int = 12, **fields):
    moment = (NOW - dt.timedelta(days=days_ago)).replace(hour=hour, minute=0)
    return log_episode(deps.episode_repository, moment, **fields)


def bars_in(h, key):
    chart = h.one(key=key)
    return chart.controls[0].content.controls


async def test_insights_show_trends_places_and_an_association(app_main, deps):
    for n in range(20):
        for _ in range(3 if n % 4 == 0 else 1):
            add(deps, n, triggers=["poor sleep"] if n % 4 == 0 else [], locations=[{"region": "eyelid", "side": "right"}] if n == 1 else [{"region": "calf", "side": "left"}])
    async with mounted(app_main, route=routes.LOG) as h:
        await h.tap(h.one(key="log-insights"))
        assert h.page.route == routes.INSIGHTS and h.routes() == [routes.LOG, routes.INSIGHTS]
        assert len(bars_in(h, "chart-entries")) == 28
        assert h.one(key="trend-summary").value.startswith("In the last 4 weeks you logged entries on 20 of 28 days")
        assert h.one(key="place-left-calf").controls[0].value == "left calf: 29"
        assert h.one(key="place-right-eyelid").controls[0].value == "right eyelid: 1"
        sentence = h.one(key="insight-poor-sleep").value
        assert sentence.startswith("On days you noted poor sleep you logged more entries than on other days")
        assert sentence.endswith("(5 days with, 15 without).") and "not proof of a cause" not in sentence
        assert "These are patterns in your own log, not proof of a cause." in h.texts()  # said once, under them all
        assert h.all(key="insights-missing") == []
        await h.select("insights-period", "84")
        assert len(bars_in(h, "chart-entries")) == 12
        # the chart's bars carry no colour for "bad": the theme's primary colour, or a neutral outline when empty
        assert {b.bgcolor for b in bars_in(h, "chart-entries")} <= {ft.Colors.PRIMARY, ft.Colors.OUTLINE_VARIANT}


async def test_a_short_log_says_what_is_missing(app_main, deps):
    for n in range(5):
        add(deps, n, triggers=["stress"])
    async with mounted(app_main, route=routes.INSIGHTS) as h:
        assert h.one(key="insights-missing").value == "Comparisons need 14 days of logging; yours covers 5 so far."
        assert h.one(key="waiting-stress").value == "Stress: Needs 9 more days of logging and 3 more days without stress."
        assert not [c for c in h.all() if str(c.key).startswith("insight-")]


async def test_an_empty_log_opens_calmly(app_main, deps):
    async with mounted(app_main, route=routes.INSIGHTS) as h:
        assert h.one(key="trend-summary").value == "Nothing was logged in the last 4 weeks."
        assert h.all(key="chart-entries") == [] and h.one(key="places-none") is not None


async def test_the_report_is_saved_as_a_file_for_the_chosen_period(app_main, deps, folder):
    add(deps, 40, note="long ago")
    add(deps, 3, note="felt weak after the gym", triggers=["exercise"])
    deps.relaxation_repository.add_session(SessionRecord(NOW - dt.timedelta(days=2), "Box breathing", 240))
    async with mounted(app_main, route=routes.INSIGHTS) as h:
        await h.tap(h.one(key="report-save"))
        first = (NOW - dt.timedelta(days=27)).date()
        path = folder / f"bfs-companion-report-{first}-to-{NOW.date()}.html"
        assert h.one(key="report-message").value.startswith(f"Saved as {path}.")
        page = path.read_text("utf-8")
        assert "felt weak after the gym" in page and "long ago" not in page
        assert "1 note mentions weak" in page and "1 relaxation session, about 4 minutes in all: Box breathing (1)." in page
        await h.select("insights-period", "all")
        await h.tap(h.one(key="report-save"))
        everything = folder / f"bfs-companion-report-{(NOW - dt.timedelta(days=40)).date()}-to-{NOW.date()}.html"
        assert "long ago" in everything.read_text("utf-8")
        await h.select("insights-period", "custom")
        await h.change(h.one(key="period-from"), {"value": "2026-11-20"}, "2026-11-20")
        await h.change(h.one(key="period-to"), {"value": "2026-11-01"}, "2026-11-01")
        assert h.one(key="period-problem").value == "The first day is after the last day."
        assert h.all(key="report-save") == [] and h.all(key="trend-summary") == []  # no figures for dates that cannot be used
        assert len(list(folder.iterdir())) == 2
        await h.change(h.one(key="period-to"), {"value": ""}, "")  # blank: up to today
        await h.tap(h.one(key="report-save"))
        assert (folder / f"bfs-companion-report-2026-11-20-to-{NOW.date()}.html").exists()


async def test_the_gentle_note_appears_once_after_more_than_ten_entries_and_never_blocks(app_main, deps):
    for _ in range(10):
        add(deps, 0, hour=9)
    async with mounted(app_main, route=routes.LOG_TWITCH) as h:
        await h.tap(h.one(key="quick-left-calf"))  # the 11th entry today
        assert len(deps.episode_repository.find()) == 11  # saved first, whatever the note says
        assert h.one(key="log-saved") is not None
        assert "logging less is fine" in h.one(key="gentle-note-text").value
        assert deps.settings_repository.load().gentle_note_day == NOW.date().isoformat()
        await h.tap(h.one(key="gentle-note-read"))
        assert h.page.route == routes.WORRY_LOOP
        await h.navigate(routes.LOG_TWITCH)
        await h.tap(h.one(key="quick-left-calf"))  # the 12th: saved, and no second note today
        assert len(deps.episode_repository.find()) == 12
        assert h.all(key="gentle-note") == []


async def test_ten_entries_in_a_day_bring_no_note(app_main, deps):
    for _ in range(9):
        add(deps, 0, hour=9)
    async with mounted(app_main, route=routes.LOG_TWITCH) as h:
        await h.tap(h.one(key="quick-left-calf"))
        assert len(deps.episode_repository.find()) == 10 and h.all(key="gentle-note") == []


async def test_an_intensity_chart_appears_only_over_intensities_that_were_noted(app_main, deps):
    add(deps, 1, intensity=None)
    add(deps, 2, intensity=None)
    async with mounted(app_main, route=routes.INSIGHTS) as h:
        assert h.one(key="trend-summary").value.endswith("No intensity was noted on these 2 entries.")
        assert h.all(key="chart-intensity") == []  # no bar may read as a 0 nobody gave
    add(deps, 3, intensity=0)
    async with mounted(app_main, route=routes.INSIGHTS) as h:
        assert h.one(key="trend-summary").value.endswith("Average intensity 0.0 out of 10 (intensity noted for 1 of 3 entries).")
        assert h.one(key="chart-intensity") is not None


async def test_every_section_follows_the_one_period_and_the_report_says_the_same(app_main, deps, folder):
    import html

    for n in range(30, 80):  # poor sleep and busier days only more than four weeks ago
        for _ in range(3 if n % 3 == 0 else 1):
            add(deps, n, triggers=["poor sleep"] if n % 3 == 0 else [], intensity=None if n % 2 else 4)
    for n in range(0, 28):
        add(deps, n, locations=[{"region": "jaw"}])
    async with mounted(app_main, route=routes.INSIGHTS) as h:
        assert h.all(key="insight-poor-sleep") == [] and h.all(key="waiting-poor-sleep") == []  # not in these 4 weeks
        assert [str(c.key) for c in h.all() if str(c.key).startswith("place-")] == ["place-jaw"]
        for period in ("84", "all", "7", "28"):
            await h.select("insights-period", period)
            summary = h.one(key="trend-summary").value
            sentences = [c.value for c in h.all() if str(c.key).startswith("insight-")]
            places = [c.controls[0].value for c in h.all() if str(c.key).startswith("place-")]
            if period == "84":
                assert h.one(key="insight-poor-sleep") is not None and "left calf: " in " ".join(places)
            await h.tap(h.one(key="report-save"))
            (path,) = [p for p in folder.iterdir() if p.stat().st_mtime_ns == max(q.stat().st_mtime_ns for q in folder.iterdir())]
            page = html.unescape(path.read_text("utf-8"))
            assert summary in page, period
            assert all(sentence in page for sentence in sentences), period
            for line in places:
                label, count = line.rsplit(": ", 1)
                assert f"{label} ({count})" in page, period
