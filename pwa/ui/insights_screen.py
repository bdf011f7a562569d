"""Insights: trends over 1, 4 or 12 weeks, where on the body, what goes with busier days, and the
report for a doctor. Patterns and what helps; no scores, no streaks."""

from __future__ import annotations

import datetime as dt

import flet as ft

from pwa import routes
from pwa.adapters.file_exchange import ExchangeError
from pwa.core.insights import PERIOD_WEEKS, Bar, days_by_date, factor_insights, places, trend
from pwa.core.periods import PeriodError, last_days, typed_range
from pwa.ui.context import use_shell
from pwa.ui.shell import detail_view
from pwa.ui.widgets import announced, choice, doctor_link, gentle_note

CHART_HEIGHT = 120
PLACES_SHOWN = 8
REPORT_PERIODS = {"28": "Last 4 weeks", "84": "Last 12 weeks", "all": "Everything in the log", "custom": "Dates I choose"}


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


@ft.component
def ReportMaker() -> ft.Control:
    shell = use_shell()
    deps = shell.deps
    period, set_period = ft.use_state("28")
    first_text, set_first_text = ft.use_state("")
    last_text, set_last_text = ft.use_state("")
    message, set_message = ft.use_state(None)

    def chosen_dates(episodes) -> tuple[dt.date, dt.date] | str:
        today = deps.now().date()
        if period not in ("all", "custom"):
            return last_days(today, int(period))
        first = last = None
        if period == "custom":
            try:
                first, last = typed_range(first_text, last_text)
            except PeriodError as error:
                return str(error)
        earliest = min((e.started_at.astimezone().date() for e in episodes), default=today)
        return first or earliest, min(last or today, today)

    async def make() -> None:
        repository = deps.episode_repository
        episodes = repository.find()
        dates = chosen_dates(episodes)
        if isinstance(dates, str):
            set_message(dates)
            return
        from pwa.core.report import build_report, report_html  # on first use: Home need not pay for it at start-up

        report = build_report(
            episodes, repository.check_ins(), deps.relaxation_repository.sessions(), dates[0], dates[1], deps.now()
        )
        try:
            where = await deps.file_exchange.save(report.file_name, report_html(report).encode("utf-8"))
        except ExchangeError as error:
            set_message(str(error))
            return
        set_message(f"{where} Open it in a browser to read or print it (print to PDF works too).")

    controls: list[ft.Control] = [
        ft.Text("A report for your doctor", theme_style=ft.TextThemeStyle.TITLE_MEDIUM),
        ft.Text(
            "One page that answers the questions doctors usually ask about twitching, from your log: when it "
            "started, how often, where, other symptoms, medicines, what goes with it and what helps, with a chart "
            "and every entry. It is saved as a file on this device; nothing is sent."
        ),
        choice("report-period", "Period", period, REPORT_PERIODS, set_period, width=240),
    ]
    if period == "custom":
        controls.append(
            ft.Row(
                wrap=True,
                spacing=8,
                controls=[
                    ft.TextField(key="report-from", label="From (blank: the first entry)", value=first_text, width=200,
                                 on_change=lambda e: set_first_text(e.control.value or "")),
                    ft.TextField(key="report-to", label="To (blank: today)", value=last_text, width=200,
                                 on_change=lambda e: set_last_text(e.control.value or "")),
                ],
            )
        )
    controls.append(
        ft.FilledButton(content="Save the report", icon=ft.Icons.DESCRIPTION_OUTLINED, key="report-save", on_click=make, height=52)
    )
    if message:
        controls.append(announced(ft.Text(message, key="report-message")))
    return ft.Column(controls, spacing=12)


@ft.component
def InsightsScreen() -> ft.View:
    shell = use_shell()
    deps = shell.deps
    weeks, set_weeks = ft.use_state(4)
    today = deps.now().date()
    episodes = ft.use_memo(deps.episode_repository.find, [shell.revision])
    check_ins = ft.use_memo(deps.episode_repository.check_ins, [shell.revision])
    sessions = ft.use_memo(deps.relaxation_repository.sessions, [shell.revision])
    stats = ft.use_memo(lambda: days_by_date(episodes, None), [episodes])
    shown = trend(stats, today, weeks)
    first = today - dt.timedelta(days=weeks * 7 - 1)
    where = places(e for e in episodes if e.started_at.astimezone().date() >= first)
    insights = ft.use_memo(lambda: factor_insights(episodes, check_ins, sessions, today, None), [episodes, check_ins, sessions, today])

    body: list[ft.Control] = [
        gentle_note("Patterns in your own log, to help you and your doctor. Ups and downs are part of BFS."),
        choice(
            "insights-weeks",
            "Show",
            str(weeks),
            {str(w): "Last week" if w == 1 else f"Last {w} weeks" for w in PERIOD_WEEKS},
            lambda picked: set_weeks(int(picked)),
        ),
        ft.Text("Entries", theme_style=ft.TextThemeStyle.TITLE_SMALL),
        ft.Text(shown.summary, key="trend-summary"),
    ]
    if any(b.count for b in shown.bars):
        peak = max(b.count for b in shown.bars)
        counts = "; ".join(f"{b.label}: {b.count}" for b in shown.bars if b.count)
        body.append(bar_chart("chart-entries", shown.bars, lambda b: b.count, peak, f"Entries per {'day' if weeks <= 4 else 'week'}. {counts}"))
    if any(b.intensity_noted for b in shown.bars):  # an empty chart would read as "0"
        body.append(ft.Text("Average intensity (0 to 10), where one was noted", theme_style=ft.TextThemeStyle.TITLE_SMALL))
        intensities = [f"{b.label}: {b.mean_intensity:.1f}" for b in shown.bars if b.mean_intensity is not None]
        body.append(
            bar_chart("chart-intensity", shown.bars, lambda b: b.mean_intensity, 10, "Average intensity. " + "; ".join(intensities))
        )
    body.append(ft.Text("Where on the body", theme_style=ft.TextThemeStyle.TITLE_SMALL))
    if where:
        top = where[0][1]
        for label, count in where[:PLACES_SHOWN]:
            body.append(
                ft.Column(
                    key=f"place-{'-'.join(label.split())}",
                    spacing=2,
                    controls=[
                        ft.Text(f"{label}: {count}"),
                        ft.ProgressBar(value=count / top, bar_height=8, border_radius=4, semantics_label=f"{label}, {count}"),
                    ],
                )
            )
        if len(where) > PLACES_SHOWN:
            body.append(ft.Text(f"And {len(where) - PLACES_SHOWN} more places."))
    else:
        body.append(ft.Text("Nothing logged in this time.", key="places-none"))

    body.append(ft.Text("What goes with busier or calmer days", theme_style=ft.TextThemeStyle.TITLE_SMALL))
    if insights.missing:
        body.append(ft.Text(insights.missing, key="insights-missing"))
    ready = [f for f in insights.factors if f.shown]
    waiting = [f for f in insights.factors if not f.shown]
    for found in ready:
        body.append(ft.Text(found.sentence, key=f"insight-{'-'.join(found.factor.split())}"))
    if not ready and not insights.missing:
        body.append(ft.Text("Nothing to compare yet. Triggers you note on entries, day check-ins and relaxation sessions show up here."))
    if waiting:
        body.append(
            ft.ExpansionTile(
                key="insights-waiting",
                title=ft.Text("Not enough days yet"),
                controls=[
                    ft.Text(f"{f.factor.capitalize()}: {f.missing}", key=f"waiting-{'-'.join(f.factor.split())}") for f in waiting
                ],
            )
        )
    body += [ft.Divider(), ReportMaker(), doctor_link(key="insights-doctor")]
    return detail_view(routes.INSIGHTS, "Patterns and report", body)
