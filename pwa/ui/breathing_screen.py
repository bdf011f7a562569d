"""Breathing: a large pacer that grows and shrinks with the breath, cues, and a calm finish."""

from __future__ import annotations

import flet as ft

from pwa import routes
from pwa.core.breathing import CUE_SOUNDS, PACER_SCALE, BreathingPattern, find_pattern, pacer_scale
from pwa.core.timed_session import SessionState
from pwa.ui.context import ShellState, use_shell
from pwa.ui.session_runner import countdown, finish_view, use_session_runner
from pwa.ui.shell import detail_view

PACER_SIZE = 220


def _clock_text(seconds: float) -> str:
    seconds = int(round(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"


def _pacer(pattern: BreathingPattern, state: SessionState, reduced_motion: bool) -> ft.Control:
    if reduced_motion:
        return ft.ProgressBar(key="pacer-bar", value=state.progress, bar_height=16, border_radius=8)
    if state.running:
        # The client animates the whole phase; the server only sends a new target per phase.
        scale = PACER_SCALE[state.step.what]
        animation = ft.Animation(int(state.step_seconds_left * 1000), ft.AnimationCurve.EASE_IN_OUT)
    else:
        scale = pacer_scale(pattern.phases, state.index, state.progress)
        animation = None
    return ft.Container(
        key="pacer",
        width=PACER_SIZE,
        height=PACER_SIZE,
        border_radius=PACER_SIZE / 2,
        bgcolor=ft.Colors.PRIMARY_CONTAINER,
        border=ft.Border.all(2, ft.Colors.PRIMARY),
        scale=scale,
        animate_scale=animation,
    )


def _session_view(pattern: BreathingPattern, state: SessionState, shell: ShellState, toggle, stop) -> list[ft.Control]:
    started = state.elapsed > 0 or state.running
    word = state.step.what.cue if started else "Get comfortable"
    return [
        ft.Text(pattern.explanation, key="pattern-explanation", text_align=ft.TextAlign.CENTER),
        ft.Container(
            content=_pacer(pattern, state, shell.settings.reduced_motion),
            height=PACER_SIZE * 1.15,
            alignment=ft.Alignment.CENTER,
        ),
        ft.Semantics(
            live_region=True,
            content=ft.Text(word, key="phase-word", theme_style=ft.TextThemeStyle.HEADLINE_MEDIUM, text_align=ft.TextAlign.CENTER),
        ),
        ft.Text(countdown(state), key="phase-seconds", text_align=ft.TextAlign.CENTER, theme_style=ft.TextThemeStyle.TITLE_LARGE),
        ft.ProgressBar(key="session-progress", value=state.session_progress),
        ft.Text(
            f"Breath {state.cycle} of {state.cycles} · {_clock_text(state.seconds_left)} left",
            key="session-left",
            text_align=ft.TextAlign.CENTER,
        ),
        ft.FilledTonalButton(
            content="Pause" if state.running else "Resume",
            icon=ft.Icons.PAUSE if state.running else ft.Icons.PLAY_ARROW,
            key="pause-resume",
            on_click=toggle,
            height=56,
        ),
        ft.TextButton(content="Stop", icon=ft.Icons.STOP, key="stop", on_click=stop),
    ]


@ft.component
def BreathingScreen() -> ft.View:
    shell = use_shell()
    requested = ft.use_route_params().get("pattern_id")
    custom = ft.use_memo(shell.deps.relaxation_repository.patterns, [shell.revision])
    pattern = find_pattern(requested or shell.settings.breathing_pattern_id, custom)
    run = use_session_runner(
        shell,
        lambda: pattern.session(shell.deps.clock),
        [pattern.id],
        cue_for=lambda phase: CUE_SOUNDS[phase],
        exercise=pattern.name,
        on_start=lambda: shell.change_settings(breathing_pattern_id=pattern.id),
    )
    route = routes.breathe(pattern.id if requested else None)
    if run.finished:
        body = finish_view("of slow breathing", run.session.elapsed(), run.restart, again="Breathe again")
    else:
        body = _session_view(pattern, run.state, shell, run.toggle, run.stop)
    return detail_view(route, pattern.name, body, modal=True)
