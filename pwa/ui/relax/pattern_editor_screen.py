"""Create, edit or delete a user-made breathing pattern; the core validates, this screen shows why."""

from __future__ import annotations

import flet as ft

from pwa import routes
from pwa.core.breathing import MAX_PHASE_SECONDS, PatternError, PhaseKind, make_pattern
from pwa.ui.shell.context import go, use_shell
from pwa.ui.shell.shell import detail_view

FIELD_LABELS = {
    PhaseKind.INHALE: "Breathe in",
    PhaseKind.TOP_UP: "Extra sip of air",
    PhaseKind.HOLD_IN: "Hold, lungs full",
    PhaseKind.EXHALE: "Breathe out",
    PhaseKind.HOLD_OUT: "Rest, lungs empty",
}
NEW_PATTERN_DEFAULTS = {PhaseKind.INHALE: 4, PhaseKind.EXHALE: 6}


def _seconds_text(seconds: float) -> str:
    return f"{seconds:g}"


@ft.component
def PatternEditorScreen() -> ft.View:
    shell = use_shell()
    repository = shell.deps.relaxation_repository
    pattern_id = ft.use_route_params().get("pattern_id", routes.NEW_PATTERN_ID)
    patterns = ft.use_memo(repository.patterns, [shell.revision])  # not re-read on every keystroke
    existing = next((p for p in patterns if p.id == pattern_id), None)
    initial = {k: 0.0 for k in PhaseKind}
    if existing is not None:
        for step in existing.phases:
            initial[step.what] += step.seconds
    else:
        initial.update(NEW_PATTERN_DEFAULTS)
    name, set_name = ft.use_state(existing.name if existing else "")
    values, set_values = ft.use_state({k.value: _seconds_text(v) for k, v in initial.items()})
    errors, set_errors = ft.use_state({})
    confirm_delete, set_confirm_delete = ft.use_state(False)

    def set_value(kind: PhaseKind, text: str) -> None:
        set_values({**values, kind.value: text})

    def save() -> None:
        try:
            pattern = make_pattern(name, [(k.value, values[k.value]) for k in PhaseKind], existing.id if existing else None)
        except PatternError as error:
            set_errors(error.by_field)
            return
        repository.save_pattern(pattern)
        shell.data_changed()
        go(routes.RELAX)

    def delete() -> None:
        if not confirm_delete:
            set_confirm_delete(True)
            return
        repository.delete_pattern(existing.id)
        shell.data_changed()
        go(routes.RELAX)

    body: list[ft.Control] = [
        ft.TextField(
            key="field-name",
            label="Name",
            value=name,
            max_length=40,
            error=errors.get("name"),
            on_change=lambda e: set_name(e.control.value or ""),
        ),
        ft.Text(f"Seconds for each step, from 0 to {MAX_PHASE_SECONDS}. Use 0 to leave a step out."),
    ]
    for kind, label in FIELD_LABELS.items():
        body.append(
            ft.TextField(
                key=f"field-{kind.value}",
                label=f"{label} (seconds)",
                value=values[kind.value],
                keyboard_type=ft.KeyboardType.NUMBER,
                error=errors.get(kind.value),
                on_change=lambda e, kind=kind: set_value(kind, e.control.value or ""),
            )
        )
    if errors.get("pattern"):
        body.append(ft.Text(errors["pattern"], key="pattern-error"))
    body.append(ft.FilledButton(content="Save pattern", icon=ft.Icons.CHECK, key="save-pattern", on_click=save))
    if existing is not None:
        body.append(
            ft.TextButton(
                content="Tap again to delete" if confirm_delete else "Delete pattern",
                icon=ft.Icons.DELETE_OUTLINE,
                key="delete-pattern",
                on_click=delete,
            )
        )
    title = f"Edit {existing.name}" if existing else "New breathing pattern"
    return detail_view(routes.edit_pattern(pattern_id), title, body, modal=True)
