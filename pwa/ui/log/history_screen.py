"""Log: the history by day or by month, its filters, and the way to the quick log and the form."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

import flet as ft

from pwa import routes
from pwa.adapters.episode_repository import EpisodeFilter
from pwa.core.episodes import (
    BODY_REGIONS,
    KNOWN_TRIGGERS,
    EpisodeType,
)
from pwa.core.periods import PeriodError, last_days, typed_range
from pwa.ui.shell.context import go, use_shell
from pwa.ui.shell.shell import destination_view
from pwa.ui.widgets import Expander, announced, big_action, choice, date_field, doctor_link, error_text, icon_button, link_tile, segmented
from pwa.ui.log.gentle_note import GentleNote, local_midnight
from pwa.ui.log.day_list import day_list
from pwa.ui.log.month_view import MonthView

HISTORY_SHOWN = 100

PERIODS = {"any": "Any time", "7": "Last 7 days", "30": "Last 30 days", "84": "Last 12 weeks", "custom": "Dates I choose"}
ANY = "any"


@dataclass(frozen=True)
class HistoryFilters:
    text: str = ""
    period: str = ANY
    start_text: str = ""
    end_text: str = ""
    region: str = ANY
    type: str = ANY
    trigger: str = ANY

    @property
    def active(self) -> bool:
        return self != HistoryFilters()

    def to_filter(self, today: dt.date) -> tuple[EpisodeFilter, str | None]:
        """The repository filter, and a message when a typed date cannot be used."""
        start = end = None
        problem = None
        if self.period == "custom":
            try:
                first, last = typed_range(self.start_text, self.end_text)
            except PeriodError as error:
                first = last = None
                problem = str(error)
            start = local_midnight(first) if first else None
            end = local_midnight(last + dt.timedelta(days=1)) if last else None
        elif self.period != ANY:
            start = local_midnight(last_days(today, int(self.period))[0])
        return (
            EpisodeFilter(
                start=start,
                end=end,
                region=None if self.region == ANY else self.region,
                type=None if self.type == ANY else EpisodeType(self.type),
                trigger=None if self.trigger == ANY else self.trigger,
                text=self.text.strip() or None,
            ),
            problem,
        )


def _filter_controls(filters: HistoryFilters, set_filters, triggers: list[str], problem: str | None, today: dt.date) -> ft.Control:
    def change(**changes) -> None:
        set_filters(dataclasses.replace(filters, **changes))

    rows: list[ft.Control] = [
        ft.TextField(
            key="filter-text",
            label="Search your notes",
            value=filters.text,
            prefix_icon=ft.Icons.SEARCH,
            on_change=lambda e: change(text=e.control.value or ""),
        ),
        ft.Row(
            wrap=True,
            spacing=8,
            run_spacing=8,
            controls=[
                choice("filter-period", "When", filters.period, PERIODS, lambda v: change(period=v)),
                choice(
                    "filter-region", "Body part", filters.region, {ANY: "Anywhere", **{r: r.capitalize() for r in BODY_REGIONS}},
                    lambda v: change(region=v),
                ),
                choice(
                    "filter-type", "What it felt like", filters.type, {ANY: "Any kind", **{t.value: t.value.capitalize() for t in EpisodeType}},
                    lambda v: change(type=v),
                ),
                choice(
                    "filter-trigger", "Noted before", filters.trigger, {ANY: "Anything", **{t: t for t in triggers}},
                    lambda v: change(trigger=v),
                ),
            ],
        ),
    ]
    if filters.period == "custom":
        rows.append(
            ft.Row(
                wrap=True,
                spacing=8,
                controls=[
                    date_field("filter-from", "From (year-month-day)", filters.start_text, lambda v: change(start_text=v),
                               last=today),
                    date_field("filter-to", "To (year-month-day)", filters.end_text, lambda v: change(end_text=v),
                               last=today),
                ],
            )
        )
    if problem:
        rows.append(error_text(problem, key="filter-problem"))
    if filters.active:
        rows.append(ft.TextButton(content="Clear filters", icon=ft.Icons.CLEAR, key="filter-clear", on_click=lambda: set_filters(HistoryFilters())))
    return Expander(
        "filters",
        "Filter and search",
        [ft.Container(ft.Column(rows, spacing=12, tight=True), padding=ft.Padding.only(bottom=12))],
        subtitle="Filters are on" if filters.active else "Dates, body part, kind, triggers, notes",
        icon=ft.Icons.FILTER_LIST,
        initially_open=filters.active,
    )


def _undo_banner(shell) -> list[ft.Control]:
    undo = shell.undo
    if undo is None:
        return []

    def take_back() -> None:
        assert undo.restore is not None
        undo.restore()
        shell.offer_undo(None)
        shell.data_changed()

    return [
        ft.Container(
            key="undo-banner",
            padding=ft.Padding.symmetric(horizontal=16, vertical=8),
            border_radius=12,
            bgcolor=ft.Colors.SURFACE_CONTAINER_HIGH,
            content=ft.Row(
                wrap=True,
                alignment=ft.MainAxisAlignment.SPACE_BETWEEN,
                vertical_alignment=ft.CrossAxisAlignment.CENTER,
                controls=[
                    announced(ft.Text(undo.message, key="undo-message")),
                    ft.Row(tight=True, controls=[
                        *([ft.TextButton(content="Undo", key="undo", on_click=take_back)] if undo.restore else []),
                        icon_button(ft.Icons.CLOSE, "Dismiss", "undo-dismiss", lambda: shell.offer_undo(None)),
                    ]),
                ],
            ),
        )
    ]


@ft.component
def LogScreen() -> ft.View:
    shell = use_shell()
    repository = shell.deps.episode_repository
    filters, set_filters = ft.use_state(HistoryFilters())
    shown, set_shown = ft.use_state(HISTORY_SHOWN)
    layout, set_layout = ft.use_state("days")
    today = shell.deps.now().date()
    where, problem = filters.to_filter(today)
    episodes = ft.use_memo(
        lambda: repository.find(where, limit=shown + 1) if layout == "days" else [], [shell.revision, where, shown, layout]
    )
    check_ins = ft.use_memo(lambda: {c.day: c for c in repository.check_ins()}, [shell.revision])
    triggers = ft.use_memo(lambda: [*KNOWN_TRIGGERS, *repository.triggers_used()], [shell.revision])
    body = [
        *_undo_banner(shell),
        GentleNote(),
        big_action("Log a twitch", ft.Icons.EDIT_NOTE, "log-log-twitch", lambda: go(routes.LOG_TWITCH), primary=True),
        ft.Row(
            wrap=True,
            spacing=8,
            run_spacing=8,
            controls=[
                ft.FilledTonalButton(content="New entry with details", icon=ft.Icons.ADD, key="log-new-entry",
                                     on_click=lambda: go(routes.edit_entry())),
                ft.FilledTonalButton(content="Day check-in", icon=ft.Icons.WB_SUNNY_OUTLINED, key="log-check-in",
                                     on_click=lambda: go(routes.CHECK_IN)),
                ft.OutlinedButton(content="Export and import", icon=ft.Icons.IMPORT_EXPORT, key="log-files",
                                  on_click=lambda: go(routes.LOG_FILES)),
            ],
        ),
        link_tile(
            "log-insights",
            "Patterns and report",
            routes.INSIGHTS,
            subtitle="Trends over weeks, what goes with calmer days, and a report for your doctor",
            icon=ft.Icons.INSIGHTS,
        ),
        ft.Text("Your log", theme_style=ft.TextThemeStyle.TITLE_MEDIUM),
        _filter_controls(filters, set_filters, triggers, problem, today),
        segmented(
            "history-layout",
            layout,
            {"days": "By day", "month": "Month"},
            set_layout,
        ),
    ]
    if layout == "month":
        body.append(MonthView(where, today))
    else:
        body += day_list(episodes[:shown], check_ins, filters.active)
    if layout == "days" and len(episodes) > shown:
        body.append(ft.OutlinedButton(content="Show older entries", key="history-more", on_click=lambda: set_shown(shown + HISTORY_SHOWN)))
    body += [
        doctor_link(key="log-open-doctor"),
    ]
    return destination_view(shell, routes.LOG, "Log", body)
