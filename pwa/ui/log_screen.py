"""Log: one-tap logging during an episode, optional details, and the history by day."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from dataclasses import dataclass

import flet as ft

from pwa import routes
from pwa.adapters.episode_repository import EpisodeFilter
from pwa.core.episodes import (
    BODY_REGIONS,
    KNOWN_TRIGGERS,
    DayCheckIn,
    EntryError,
    Episode,
    EpisodeType,
    Location,
    describe_duration,
    describe_intensity,
    validate_episode,
)
from pwa.core.insights import VERY_OFTEN, gentle_note_due
from pwa.core.periods import PeriodError, last_days, month_bounds, month_grid, shift_month, typed_range
from pwa.ui.context import NOT_STORED, go, save_durably, use_shell
from pwa.ui.entry_fields import PlaceAdder, TriggerPicker, intensity_fields, note_field, slug, use_quick_places
from pwa.ui.shell import destination_view, detail_view
from pwa.ui.widgets import announced, big_action, choice, date_field, doctor_link, error_text, icon_button, link_tile, segmented

HISTORY_SHOWN = 100




@ft.component
def GentleNote() -> ft.Control:
    """After very many entries in one day, once that day: a kind word about checking. Never blocks."""
    shell = use_shell()
    today = shell.deps.now().date()
    midnight = _local_midnight(today)
    entries_today = len(
        shell.deps.episode_repository.find(
            EpisodeFilter(start=midnight, end=_local_midnight(today + dt.timedelta(days=1))), limit=VERY_OFTEN + 1
        )
    )
    last = shell.settings.gentle_note_day
    due = gentle_note_due(entries_today, dt.date.fromisoformat(last) if last else None, today)
    shown, set_shown = ft.use_state(False)

    def remember() -> None:
        if due:
            set_shown(True)
            shell.change_settings(gentle_note_day=today.isoformat())

    ft.use_effect(remember, [due])
    if not (due or shown):
        return ft.Container(visible=False)
    return ft.Container(
        key="gentle-note",
        padding=16,
        border_radius=16,
        bgcolor=ft.Colors.SURFACE_CONTAINER_HIGH,
        content=ft.Column(
            tight=True,
            spacing=8,
            controls=[
                ft.Text("A gentle word", theme_style=ft.TextThemeStyle.TITLE_SMALL),
                ft.Text(
                    "You have logged a lot today, which is understandable when twitches are on your mind. "
                    "Noting every one keeps attention on them and can feed the worry, so logging less is fine. "
                    "The log stays here whenever you want it.",
                    key="gentle-note-text",
                ),
                ft.Row(
                    wrap=True,
                    spacing=8,
                    controls=[
                        ft.FilledTonalButton(content="Breathe now", icon=ft.Icons.AIR, key="gentle-note-breathe",
                                             on_click=lambda: go(routes.BREATHE_NOW)),
                        ft.TextButton(content="Read about the worry loop", key="gentle-note-read", on_click=lambda: go(routes.WORRY_LOOP)),
                        ft.TextButton(content="Close", key="gentle-note-close", on_click=lambda: set_shown(False)),
                    ],
                ),
            ],
        ),
    )


PERIODS = {"any": "Any time", "7": "Last 7 days", "30": "Last 30 days", "84": "Last 12 weeks", "custom": "Dates I choose"}
ANY = "any"


def _check_in_line(check_in: DayCheckIn) -> str | None:
    parts = []
    if check_in.sleep_hours is not None:
        parts.append(f"sleep {check_in.sleep_hours:g} h")
    if check_in.caffeine_drinks is not None:
        parts.append(f"{check_in.caffeine_drinks} caffeine drink{'' if check_in.caffeine_drinks == 1 else 's'}")
    if check_in.stress is not None:
        parts.append(f"stress {check_in.stress} of 10")
    if check_in.exercise_minutes is not None:
        parts.append(f"{check_in.exercise_minutes} min exercise")
    return "Check-in: " + ", ".join(parts) if parts else None


def _entry_tile(episode: Episode) -> ft.Control:
    local = episode.started_at.astimezone()
    places = ", ".join(loc.label for loc in episode.locations)
    details = [episode.type.value, describe_intensity(episode.intensity), f"length {describe_duration(episode.duration_seconds)}"]
    if episode.triggers:
        details.append(", ".join(episode.triggers))
    subtitle = " · ".join(details) + (f"\n{episode.note}" if episode.note else "")
    return ft.ListTile(
        key=f"entry-{episode.id}",
        title=ft.Text(f"{local:%H:%M} · {places}"),
        subtitle=ft.Text(subtitle, max_lines=3, overflow=ft.TextOverflow.ELLIPSIS),
        trailing=ft.Icon(ft.Icons.EDIT_OUTLINED, semantics_label="Edit"),
        content_padding=ft.Padding.symmetric(horizontal=4),
        on_click=lambda: go(routes.edit_entry(episode.id)),
    )


def _history(episodes: list[Episode], check_ins: dict[dt.date, DayCheckIn], filtered: bool) -> list[ft.Control]:
    if not episodes:
        if filtered:
            return [ft.Text("No entries match these filters.", key="history-none-match")]
        return [ft.Text("Nothing logged yet. When you log a twitch, it shows here by day.", key="history-empty")]
    controls: list[ft.Control] = []
    day = None
    for episode in episodes:
        local = episode.started_at.astimezone()
        if local.date() != day:
            day = local.date()
            controls.append(ft.Text(f"{local:%A %d %B %Y}", theme_style=ft.TextThemeStyle.TITLE_SMALL))
            if day in check_ins and (line := _check_in_line(check_ins[day])):
                controls.append(ft.Text(line, theme_style=ft.TextThemeStyle.BODY_SMALL, key=f"check-in-{day}"))
        controls.append(_entry_tile(episode))
    return [ft.Column(controls, key="history", spacing=4)]


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
            start = _local_midnight(first) if first else None
            end = _local_midnight(last + dt.timedelta(days=1)) if last else None
        elif self.period != ANY:
            start = _local_midnight(last_days(today, int(self.period))[0])
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


def _local_midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time()).astimezone()


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
    return ft.ExpansionTile(
        key="filters",
        title=ft.Text("Filter and search"),
        subtitle=ft.Text("Filters are on" if filters.active else "Dates, body part, kind, triggers, notes"),
        leading=ft.Icon(ft.Icons.FILTER_LIST),
        expanded=filters.active,
        controls=[ft.Container(ft.Column(rows, spacing=12, tight=True), padding=ft.Padding.only(bottom=12))],
    )


def _undo_banner(shell) -> list[ft.Control]:
    undo = shell.undo
    if undo is None:
        return []

    def take_back() -> None:
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
                        ft.TextButton(content="Undo", key="undo", on_click=take_back),
                        ft.IconButton(
                            icon=ft.Icon(ft.Icons.CLOSE, semantics_label="Dismiss"),
                            key="undo-dismiss",
                            on_click=lambda: shell.offer_undo(None),
                        ),
                    ]),
                ],
            ),
        )
    ]


WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _day_cell(day: dt.date | None, logged: bool, chosen: bool, today: dt.date, on_pick) -> ft.Control:
    if day is None:
        return ft.Container(expand=1, height=52)
    words = f"{day:%A} {day.day} {day:%B}: {'entries logged' if logged else 'nothing logged'}"
    marker = ft.Container(
        width=6, height=6, border_radius=3, bgcolor=ft.Colors.PRIMARY if logged else None, key=f"day-marker-{day}" if logged else None
    )  # a neutral dot: no counts, no alarm colours
    return ft.Container(
        expand=1,
        height=52,
        content=ft.TextButton(
            key=f"day-{day}",
            tooltip=words,
            disabled=day > today,
            on_click=lambda: on_pick(day),
            style=ft.ButtonStyle(
                padding=0,
                shape=ft.RoundedRectangleBorder(radius=10),
                side=ft.BorderSide(2, ft.Colors.PRIMARY) if chosen else None,
            ),
            content=ft.Column(
                [ft.Text(str(day.day), weight=ft.FontWeight.W_600 if day == today else None, semantics_label=words), marker],
                spacing=2,
                tight=True,
                horizontal_alignment=ft.CrossAxisAlignment.CENTER,
            ),
        ),
    )


@ft.component
def MonthView(where: EpisodeFilter, today: dt.date) -> ft.Control:
    """A calendar month with a neutral mark on each day that has entries; a tapped day shows them."""
    shell = use_shell()
    repository = shell.deps.episode_repository
    month, set_month = ft.use_state((today.year, today.month))
    chosen, set_chosen = ft.use_state(None)
    first, following = month_bounds(*month)
    in_month = dataclasses.replace(where, start=_local_midnight(first), end=_local_midnight(following))
    found = ft.use_memo(lambda: repository.find(in_month), [shell.revision, in_month])
    days = {e.started_at.astimezone().date() for e in found}
    check_ins = ft.use_memo(lambda: {c.day: c for c in repository.check_ins()}, [shell.revision])

    def go_month(step: int) -> None:
        set_month(shift_month(*month, step))
        set_chosen(None)

    latest = month >= (today.year, today.month)
    header = ft.Row(
        alignment=ft.MainAxisAlignment.SPACE_BETWEEN,
        vertical_alignment=ft.CrossAxisAlignment.CENTER,
        controls=[
            icon_button(ft.Icons.CHEVRON_LEFT, "Previous month", "month-previous", lambda: go_month(-1)),
            announced(ft.Text(f"{first:%B %Y}", key="month-title", theme_style=ft.TextThemeStyle.TITLE_SMALL)),
            icon_button(ft.Icons.CHEVRON_RIGHT, "Next month", "month-next", lambda: go_month(1), disabled=latest),
        ],
    )
    grid = [
        ft.Row([ft.Text(name, expand=1, text_align=ft.TextAlign.CENTER, theme_style=ft.TextThemeStyle.LABEL_SMALL) for name in WEEKDAYS], spacing=2),
        *(
            ft.Row([_day_cell(day, day in days, day == chosen, today, set_chosen) for day in week], spacing=2)
            for week in month_grid(*month)
        ),
    ]
    controls: list[ft.Control] = [header, ft.Column(grid, key="month-grid", spacing=2)]
    logged_days = len(days)
    controls.append(
        ft.Text(
            f"Entries on {logged_days} day{'s' if logged_days != 1 else ''} of {first:%B}." if logged_days else f"Nothing logged in {first:%B}.",
            key="month-summary", theme_style=ft.TextThemeStyle.BODY_SMALL,
        )
    )
    if chosen is None:
        controls.append(ft.Text("Tap a day to see its entries.", key="month-hint"))
    else:
        on_day = [e for e in found if e.started_at.astimezone().date() == chosen]
        controls += _history(on_day, {chosen: check_ins[chosen]} if chosen in check_ins else {}, True) if on_day else [
            ft.Text(f"Nothing logged on {chosen:%A} {chosen.day} {chosen:%B}.", key="month-day-empty")
        ]
    return ft.Column(controls, spacing=8, key="month-view")


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
                                     on_click=lambda: go(routes.edit_entry()), height=48),
                ft.FilledTonalButton(content="Day check-in", icon=ft.Icons.WB_SUNNY_OUTLINED, key="log-check-in",
                                     on_click=lambda: go(routes.CHECK_IN), height=48),
                ft.OutlinedButton(content="Export and import", icon=ft.Icons.IMPORT_EXPORT, key="log-files",
                                  on_click=lambda: go(routes.LOG_FILES), height=48),
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
            {"days": ("By day", ft.Icons.VIEW_AGENDA_OUTLINED), "month": ("Month", ft.Icons.CALENDAR_VIEW_MONTH)},
            set_layout,
        ),
    ]
    if layout == "month":
        body.append(MonthView(where, today))
    else:
        body += _history(episodes[:shown], check_ins, filters.active)
    if layout == "days" and len(episodes) > shown:
        body.append(ft.OutlinedButton(content="Show older entries", key="history-more", on_click=lambda: set_shown(shown + HISTORY_SHOWN)))
    body += [
        doctor_link(key="log-open-doctor"),
    ]
    return destination_view(shell, routes.LOG, "Log", body)


@ft.component
def DetailsForm(episode: Episode, on_saved) -> ft.Control:
    """Optional details for a just-logged episode: intensity, recent triggers, a note."""
    shell = use_shell()
    intensity, set_intensity = ft.use_state(episode.intensity)
    triggers, set_triggers = ft.use_state(tuple(episode.triggers))
    note, set_note = ft.use_state(episode.note)
    error, set_error = ft.use_state(None)
    offered = ft.use_memo(shell.deps.episode_repository.triggers_used, [])

    async def save() -> None:
        try:
            updated = validate_episode(
                {**episode.to_dict(), "intensity": intensity, "triggers": list(triggers), "note": note}, shell.deps.now()
            )
        except EntryError as problem:
            set_error(" ".join(problem.by_field.values()))
            return
        refused = await save_durably(shell, lambda: shell.deps.episode_repository.save(updated))
        if refused:
            set_error(NOT_STORED.format(error=refused))
            return
        on_saved(updated)

    return ft.Column(spacing=12, controls=[
        *intensity_fields(intensity, set_intensity, key="intensity"),
        TriggerPicker(triggers, offered, set_triggers, None),
        note_field(note, set_note, error, key="note"),
        ft.FilledTonalButton(content="Save details", icon=ft.Icons.CHECK, key="save-details", on_click=save, height=52),
    ])


@ft.component
def LogTwitchScreen() -> ft.View:
    shell = use_shell()
    repository = shell.deps.episode_repository
    saved, set_saved = ft.use_state(None)
    details_saved, set_details_saved = ft.use_state(False)
    save_error, set_save_error = ft.use_state(None)
    undone, set_undone = ft.use_state(False)
    elsewhere, set_elsewhere = ft.use_state(False)
    choices = use_quick_places()

    async def log_at(location: Location, _event=None) -> None:
        episode = validate_episode(
            {"locations": [location.to_dict()]}, shell.deps.now()  # the time and the place: nothing else was said
        )
        refused = await save_durably(shell, lambda: repository.save(episode))  # "Noted" only once it is stored
        if refused:
            set_save_error(
                f"This entry could not be stored in this browser ({refused}). Try once more; if it keeps "
                "happening, free some space on the device or check that the browser may keep site data."
            )
            return
        set_save_error(None)
        set_undone(False)
        set_elsewhere(False)
        set_saved(episode)

    async def undo(_event=None) -> None:
        """Take the quick entry back: offered for as long as the confirmation is on screen."""
        refused = await save_durably(shell, lambda: repository.delete(saved.id))
        if refused:
            set_save_error(f"The entry could not be removed in this browser ({refused}). Try once more.")
            return
        set_save_error(None)
        set_details_saved(False)
        set_saved(None)
        set_undone(True)

    if saved is None:
        body: list[ft.Control] = [
            ft.Text("Where is it? One tap saves it, with the time now.", theme_style=ft.TextThemeStyle.TITLE_MEDIUM),
            ft.Row(
                wrap=True,
                spacing=8,
                run_spacing=8,
                controls=[
                    *(
                        ft.FilledTonalButton(
                            content=loc.label,
                            key=f"quick-{slug(loc.label)}",
                            height=56,
                            on_click=functools.partial(log_at, loc),  # a coroutine function, so flet awaits it
                        )
                        for loc in choices
                    ),
                    ft.OutlinedButton(
                        content="Somewhere else…",
                        icon=ft.Icons.ADD_LOCATION_ALT_OUTLINED,
                        key="quick-elsewhere",
                        height=56,
                        on_click=lambda: set_elsewhere(not elsewhere),
                    ),
                ],
            ),
        ]
        if elsewhere:
            body += [
                ft.Text("Any place on the body: it joins the one-tap places once logged.", key="elsewhere-hint"),
                PlaceAdder(log_at, "Log it here", prefix="elsewhere", icon=ft.Icons.CHECK),
            ]
        if undone:
            body.insert(0, announced(ft.Text("Removed. Nothing was kept.", key="log-undone")))
        if save_error:
            body.append(error_text(save_error, key="log-save-error"))
    else:
        local = saved.started_at.astimezone()
        body = [
            ft.Row(
                wrap=True,
                controls=[
                    announced(
                        ft.Text(
                            f"Noted: {saved.locations[0].label} at {local:%H:%M}.",
                            key="log-saved",
                            theme_style=ft.TextThemeStyle.TITLE_MEDIUM,
                        )
                    ),
                    ft.TextButton(
                        content="Undo",
                        key="log-undo",
                        tooltip=f"Remove this entry: {saved.locations[0].label}",
                        on_click=undo,
                    ),
                ],
            ),
            *([error_text(save_error, key="log-save-error")] if save_error else []),
            big_action("Breathe now", ft.Icons.AIR, "log-breathe-now", lambda: go(routes.BREATHE_NOW), primary=True),
        ]
        body.append(GentleNote())
        if details_saved:
            body.append(ft.Text("Details saved.", key="details-saved"))
        else:
            body += [
                ft.Text("Add details if you like, or leave it here."),
                DetailsForm(saved, lambda updated: (set_saved(updated), set_details_saved(True))),
            ]
        body.append(doctor_link(key="log-twitch-doctor"))
    return detail_view(routes.LOG_TWITCH, "Log a twitch", body, modal=True)
