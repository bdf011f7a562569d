"""The optional day check-in: sleep, caffeine, stress and exercise, each one left blank if not noted."""

from __future__ import annotations

import datetime as dt

import flet as ft

from pwa import routes
from pwa.core.episodes import DayCheckIn, EntryError, validate_check_in
from pwa.ui.shell.context import NOT_STORED, Undo, go, save_durably, use_shell
from pwa.ui.shell.shell import detail_view
from pwa.ui.widgets import choice, error_text, field_labels
from pwa.ui.widgets.focus import use_focus_on_refusal

# The form's number fields in reading order, by the name their problem is reported under.
FIELD_KEYS = {"sleep_hours": "check-in-sleep", "caffeine_drinks": "check-in-caffeine", "exercise_minutes": "check-in-exercise"}

NOT_NOTED = "none"


def _text(value) -> str:
    return "" if value is None else f"{value:g}" if isinstance(value, float) else str(value)


@ft.component
def CheckInForm(day: dt.date, existing: DayCheckIn | None) -> ft.Control:
    shell = use_shell()
    sleep, set_sleep = ft.use_state(_text(existing.sleep_hours) if existing else "")
    caffeine, set_caffeine = ft.use_state(_text(existing.caffeine_drinks) if existing else "")
    stress, set_stress = ft.use_state(_text(existing.stress) if existing and existing.stress is not None else NOT_NOTED)
    exercise, set_exercise = ft.use_state(_text(existing.exercise_minutes) if existing else "")
    errors, set_errors = ft.use_state({})
    focus_first_error = use_focus_on_refusal(FIELD_KEYS, errors)

    async def save() -> None:
        raw = {
            "day": day,
            "sleep_hours": sleep.replace(",", "."),
            "caffeine_drinks": caffeine,
            "stress": None if stress == NOT_NOTED else stress,
            "exercise_minutes": exercise,
        }
        try:
            check_in = validate_check_in(raw)
        except EntryError as problem:
            set_errors(problem.by_field)
            focus_first_error()
            return
        refused = await save_durably(shell, lambda: shell.deps.episode_repository.save_check_in(check_in))
        if refused:
            set_errors({"save": NOT_STORED.format(error=refused)})
            return
        shell.offer_undo(Undo(f"Saved: check-in for {day:%d %B}."))
        go(routes.LOG)

    def number(key: str, label: str, value: str, setter, field: str) -> ft.TextField:
        return ft.TextField(
            key=key,
            **field_labels(label),
            value=value,
            keyboard_type=ft.KeyboardType.NUMBER,
            error=errors.get(field),
            on_change=lambda e: setter(e.control.value or ""),
        )

    return ft.Column(
        spacing=16,
        controls=[
            number("check-in-sleep", "Sleep (hours last night)", sleep, set_sleep, "sleep_hours"),
            number("check-in-caffeine", "Caffeine (drinks of coffee, tea, cola or energy drinks)", caffeine, set_caffeine, "caffeine_drinks"),
            choice(
                "check-in-stress",
                "Stress today, 0 (calm) to 10",
                stress,
                {NOT_NOTED: "Not noted", **{str(n): str(n) for n in range(11)}},
                set_stress,
                width=None,
            ),
            number("check-in-exercise", "Exercise (minutes)", exercise, set_exercise, "exercise_minutes"),
            *([error_text(errors["save"], key="check-in-save-error")] if "save" in errors else []),
            ft.FilledButton(content="Save check-in", icon=ft.Icons.CHECK, key="check-in-save", on_click=save),
        ],
    )


@ft.component
def CheckInScreen() -> ft.View:
    shell = use_shell()
    today = shell.deps.now().date()
    day_text, set_day_text = ft.use_state(today.isoformat())
    check_ins = ft.use_memo(shell.deps.episode_repository.check_ins, [shell.revision])
    try:
        day = dt.date.fromisoformat(day_text.strip())
        day_error = "Check-ins are for today or earlier days." if day > today else None
    except ValueError:
        day, day_error = None, "Write the date like 2026-11-23."
    body: list[ft.Control] = [
        ft.Text(
            "A few words about your day help you and your doctor see patterns. Leave anything blank.",
        ),
        ft.TextField(
            key="check-in-day",
            **field_labels("Day (year-month-day)"),
            value=day_text,
            error=day_error,
            on_change=lambda e: set_day_text(e.control.value or ""),
        ),
    ]
    if day is not None and day_error is None:
        existing = next((c for c in check_ins if c.day == day), None)
        # keyed by day: choosing another day starts that day's form afresh
        body.append(ft.Container(key=f"check-in-form-{day}", content=CheckInForm(day, existing)))
    return detail_view(routes.CHECK_IN, "Day check-in", body, modal=True)
