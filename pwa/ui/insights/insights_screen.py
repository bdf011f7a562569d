"""Insights: for one chosen period, the trend, where on the body, what goes with busier days, and the
report for a doctor with the same figures. Patterns and what helps; no scores, no streaks."""

from __future__ import annotations

import datetime as dt

import flet as ft

from pwa import routes
from pwa.adapters.file_exchange import ExchangeError
from pwa.core.insights import NOT_A_CAUSE, Bar, PeriodView, period_view
from pwa.core.periods import PeriodError, last_days, typed_range
from pwa.core.wording import plural
from pwa.ui.shell.context import use_shell
from pwa.ui.shell.shell import detail_view
from pwa.ui.widgets import Expander, announced, choice, date_field, doctor_link, error_text, gentle_note

CHART_HEIGHT = 120
PLACES_SHOWN = 8


def bar_chart(key: str, bars: tuple[Bar, ...], value, top: float, summary: str) -> ft.Control:
    """Vertical bars drawn with plain containers (the offline build has no chart extension).

    Screen readers get `summary` (the values in words) instead of the bars.
    """
    columns = []
    for bar in bars:
        amount = value(bar) or 0
        columns.append(
            ft.Container(
                expand=1,
                height=max(2.0, CHART_HEIGHT * amount / top) if amount else 2,
                bgcolor=ft.Colors.PRIMARY if amount else ft.Colors.OUTLINE_VARIANT,
                border_radius=ft.BorderRadius.only(top_left=3, top_right=3),
            )
        )
    ends = ft.Row(
        [ft.Text(bars[0].label, size=12), ft.Text(bars[-1].label, size=12)],
        alignment=ft.MainAxisAlignment.SPACE_BETWEEN,
    )
    return ft.Semantics(
        label=summary,
        container=True,
        content=ft.Column(
            key=key,
            spacing=4,
            controls=[
                ft.Container(
                    height=CHART_HEIGHT,
                    content=ft.Row(columns, spacing=2, vertical_alignment=ft.CrossAxisAlignment.END),
                ),
                ends,
            ],
        ),
    )


PERIODS = {"7": "Last week", "28": "Last 4 weeks", "84": "Last 12 weeks", "all": "Everything in the log", "custom": "Dates I choose"}
DEFAULT_PERIOD = "28"


def chosen_period(period: str, first_text: str, last_text: str, today: dt.date, earliest: dt.date | None) -> tuple[dt.date, dt.date] | str:
    """The first and last day of the chosen period, or why typed dates cannot be used."""
    if period not in ("all", "custom"):
        return last_days(today, int(period))
    first = last = None
    if period == "custom":
        try:
            first, last = typed_range(first_text, last_text)
        except PeriodError as error:
            return str(error)
    start, end = first or earliest or today, min(last or today, today)
    if start > end:
        return "The first day is after today."
    return start, end


@ft.component
def ReportMaker(start: dt.date, end: dt.date, episodes, check_ins, sessions) -> ft.Control:
    """Save the report for the period the insights above show: the same period, from the same log
    the screen read (not read again)."""
    shell = use_shell()
    deps = shell.deps
    message, set_message = ft.use_state(None)

    async def make() -> None:
        from pwa.core.report import build_report, report_html  # on first use: Home need not pay for it at start-up

        report = build_report(episodes, check_ins, sessions, start, end, deps.now())
        try:
            where = await deps.file_exchange.save(report.file_name, report_html(report).encode("utf-8"))
        except ExchangeError as error:
            set_message(str(error))
            return
        set_message(f"{where} Open it in a browser to read or print it (print to PDF works too).")

    controls: list[ft.Control] = [
        ft.Text("A report for your doctor", theme_style=ft.TextThemeStyle.TITLE_MEDIUM),
        ft.Text(
            "It answers the questions doctors usually ask about twitching, from your log, for the period chosen at "
            "the top: when it started, how often, where, other symptoms, medicines, what goes with it and what helps, "
            "with a chart and every entry. It is saved as a file on this device; nothing is sent.",
        ),
        ft.FilledButton(
            content=f"Save the report for {start.day} {start:%b %Y} to {end.day} {end:%b %Y}",
            icon=ft.Icons.DESCRIPTION_OUTLINED, key="report-save", on_click=make,
        ),
    ]
    if message:
        controls.append(announced(ft.Text(message, key="report-message")))
    return ft.Column(controls, spacing=12)


@ft.component
def InsightsScreen() -> ft.View:
    shell = use_shell()
    deps = shell.deps
    period, set_period = ft.use_state(DEFAULT_PERIOD)
    first_text, set_first_text = ft.use_state("")
    last_text, set_last_text = ft.use_state("")
    today = deps.now().date()
    episodes = ft.use_memo(deps.episode_repository.find, [shell.revision])
    check_ins = ft.use_memo(deps.episode_repository.check_ins, [shell.revision])
    sessions = ft.use_memo(deps.relaxation_repository.sessions, [shell.revision])
    local = ft.use_memo(lambda: [e.started_at.astimezone() for e in episodes], [episodes])
    earliest = ft.use_memo(lambda: min(local).date() if local else None, [local])
    dates = chosen_period(period, first_text, last_text, today, earliest)
    view = ft.use_memo(
        lambda: None if isinstance(dates, str) else period_view(episodes, check_ins, sessions, dates[0], dates[1], today, None, local),
        [episodes, check_ins, sessions, dates, today],
    )

    body: list[ft.Control] = [
        gentle_note("Patterns in your own log, to help you and your doctor. Ups and downs are part of BFS."),
        choice("insights-period", "Period", period, PERIODS, set_period, width=260),
    ]
    if period == "custom":
        body.append(
            ft.Row(
                wrap=True,
                spacing=8,
                controls=[
                    date_field("period-from", "From (blank: the first entry)", first_text, set_first_text,
                               first=earliest or today, last=today, width=220),
                    date_field("period-to", "To (blank: today)", last_text, set_last_text,
                               first=earliest or today, last=today, width=220),
                ],
            )
        )
    if view is None:
        body += [error_text(dates, key="period-problem"), doctor_link(key="insights-doctor")]
        return detail_view(routes.INSIGHTS, "Patterns and report", body)
    body += _trend(view) + _places(view.places) + _factors(view.insights)
    body += [ft.Divider(), ReportMaker(view.start, view.end, episodes, check_ins, sessions), doctor_link(key="insights-doctor")]
    return detail_view(routes.INSIGHTS, "Patterns and report", body)


def _trend(view: PeriodView) -> list[ft.Control]:
    weekly = len(view.bars) and view.bars[0].days == 7 and len(view.bars) > 1
    controls: list[ft.Control] = [
        ft.Text("Entries", theme_style=ft.TextThemeStyle.TITLE_SMALL),
        ft.Text(view.summary, key="trend-summary"),
    ]
    if any(b.count for b in view.bars):
        peak = max(b.count for b in view.bars)
        counts = "; ".join(f"{b.label}: {b.count}" for b in view.bars if b.count)
        controls.append(bar_chart("chart-entries", view.bars, lambda b: b.count, peak, f"Entries per {'week' if weekly else 'day'}. {counts}"))
    if any(b.intensity_noted for b in view.bars):  # an empty chart would read as "0"
        controls.append(ft.Text("Average intensity (0 to 10), where one was noted", theme_style=ft.TextThemeStyle.TITLE_SMALL))
        intensities = [f"{b.label}: {b.mean_intensity:.1f}" for b in view.bars if b.mean_intensity is not None]
        controls.append(
            bar_chart("chart-intensity", view.bars, lambda b: b.mean_intensity, 10, "Average intensity. " + "; ".join(intensities))
        )
    return controls


def _places(where: tuple[tuple[str, int], ...]) -> list[ft.Control]:
    controls: list[ft.Control] = [ft.Text("Where on the body", theme_style=ft.TextThemeStyle.TITLE_SMALL)]
    if not where:
        return [*controls, ft.Text("Nothing logged in this time.", key="places-none")]
    top = where[0][1]
    for label, count in where[:PLACES_SHOWN]:
        controls.append(
            ft.Column(
                key=f"place-{'-'.join(label.split())}",
                spacing=2,
                controls=[
                    ft.Text(f"{label}: {count}"),
                    ft.ProgressBar(value=count / top, bar_height=8, border_radius=4, semantics_label=f"{label}: {plural(count, 'entry', 'entries')}"),
                ],
            )
        )
    if len(where) > PLACES_SHOWN:
        controls.append(ft.Text(f"And {len(where) - PLACES_SHOWN} more places."))
    return controls


def _factors(insights) -> list[ft.Control]:
    controls: list[ft.Control] = [ft.Text("What goes with busier or calmer days", theme_style=ft.TextThemeStyle.TITLE_SMALL)]
    if insights.missing:
        controls.append(ft.Text(insights.missing, key="insights-missing"))
    ready = [f for f in insights.factors if f.shown]
    waiting = [f for f in insights.factors if not f.shown]
    for found in ready:
        controls.append(ft.Text(found.sentence, key=f"insight-{'-'.join(found.factor.split())}"))
    if ready:
        controls.append(gentle_note(NOT_A_CAUSE))
    if not ready and not insights.missing:
        controls.append(ft.Text("Nothing to compare yet. Triggers you note on entries, day check-ins and relaxation sessions show up here."))
    if waiting:
        controls.append(
            Expander(
                "insights-waiting",
                "Not enough days yet",
                controls=[
                    ft.Text(f"{f.factor.capitalize()}: {f.missing}", key=f"waiting-{'-'.join(f.factor.split())}") for f in waiting
                ],
            )
        )
    return controls
