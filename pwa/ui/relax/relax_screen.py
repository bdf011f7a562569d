"""Relax: start a breathing pattern or a progressive muscle relaxation sequence."""

import flet as ft

from pwa import routes
from pwa.core.breathing import PRESETS, BreathingPattern, find_pattern
from pwa.core.pmr import RELEASE_RANGE, SEQUENCE_SIZES, TENSE_RANGE
from pwa.core.relaxation_log import SessionRecord, recent
from pwa.core.settings import AppSettings
from pwa.ui.shell.context import ShellState, go, use_shell
from pwa.ui.shell.shell import destination_view
from pwa.ui.widgets import big_action, icon_button, link_tile, stepper


def _length(pattern: BreathingPattern) -> str:
    if pattern.default_cycles:
        return f"{pattern.default_cycles} breaths"
    return f"{pattern.default_minutes:g} min"


def _pattern_tile(pattern: BreathingPattern) -> ft.Control:
    return link_tile(
        f"pattern-{pattern.id}",
        f"{pattern.name} · {_length(pattern)}",
        routes.breathe(pattern.id),
        subtitle=pattern.explanation,
        icon=ft.Icons.AIR,
        action_icon=ft.Icons.PLAY_ARROW_OUTLINED,
    )


def _custom_pattern_row(pattern: BreathingPattern) -> ft.Control:
    steps = ", ".join(f"{s.what.cue.lower()} {s.seconds:g} s" for s in pattern.phases if s.seconds)
    return ft.Row(
        [
            ft.Container(
                expand=True,
                content=link_tile(
                    f"pattern-{pattern.id}", pattern.name, routes.breathe(pattern.id), subtitle=steps,
                    icon=ft.Icons.AIR, action_icon=ft.Icons.PLAY_ARROW_OUTLINED,
                ),  # fmt: skip
            ),
            icon_button(ft.Icons.EDIT_OUTLINED, f"Edit {pattern.name}", f"edit-{pattern.id}", lambda: go(routes.edit_pattern(pattern.id))),
        ]
    )


def _history(records: list[SessionRecord]) -> list[ft.Control]:
    """The last few sessions, plainly: no streaks, no totals to beat."""
    if not records:
        return []
    return [
        ft.Text("Recent sessions", theme_style=ft.TextThemeStyle.TITLE_MEDIUM),
        ft.Column(
            key="session-history",
            spacing=4,
            controls=[
                ft.Text(f"{r.started_at:%a %d %b, %H:%M} · {r.exercise} · {r.minutes_text}") for r in recent(records)
            ],
        ),
    ]


def _pmr_tile(groups: int, settings: AppSettings) -> ft.Control:
    minutes = groups * (settings.pmr_tense_seconds + settings.pmr_release_seconds) / 60
    return link_tile(
        f"pmr-{groups}",
        f"{groups} muscle groups · about {round(minutes)} min",
        routes.muscle_relaxation(groups),
        icon=ft.Icons.ACCESSIBILITY_NEW,
        action_icon=ft.Icons.PLAY_ARROW_OUTLINED,
    )


def _pmr_timing(shell: ShellState) -> ft.Control:
    settings = shell.settings
    return ft.Column(
        tight=True,
        controls=[
            stepper("pmr-tense", "Tense for", settings.pmr_tense_seconds, lambda s: shell.change_settings(pmr_tense_seconds=s),
                    minimum=TENSE_RANGE[0], maximum=TENSE_RANGE[1]),
            stepper("pmr-release", "Release for", settings.pmr_release_seconds, lambda s: shell.change_settings(pmr_release_seconds=s),
                    minimum=RELEASE_RANGE[0], maximum=RELEASE_RANGE[1], step=5),
        ],
    )


@ft.component
def RelaxScreen() -> ft.View:
    shell = use_shell()
    # Read the database once per data change, not on every render of this screen.
    custom = ft.use_memo(shell.deps.relaxation_repository.patterns, [shell.revision])
    history = ft.use_memo(shell.deps.relaxation_repository.sessions, [shell.revision])
    usual = find_pattern(shell.settings.breathing_pattern_id, custom)
    body = [
        big_action(f"Breathe now: {usual.name}", ft.Icons.AIR, "relax-breathe-now", lambda: go(routes.BREATHE_NOW), primary=True),
        ft.Text("Breathing patterns", theme_style=ft.TextThemeStyle.TITLE_MEDIUM),
        *[_pattern_tile(p) for p in PRESETS],
        ft.Text("Your patterns", theme_style=ft.TextThemeStyle.TITLE_SMALL),
        *[_custom_pattern_row(p) for p in custom],
        ft.OutlinedButton(content="New pattern", icon=ft.Icons.ADD, key="new-pattern", on_click=lambda: go(routes.edit_pattern())),
        ft.Text("Progressive muscle relaxation", theme_style=ft.TextThemeStyle.TITLE_MEDIUM),
        ft.Text(
            "Tense one group of muscles gently, then let go and notice the difference. "
            "Choose how many groups: more groups take longer and go deeper."
        ),
        *[_pmr_tile(groups, shell.settings) for groups in SEQUENCE_SIZES],
        _pmr_timing(shell),
        *_history(history),
    ]
    return destination_view(shell, routes.RELAX, "Relax", body)
