"""Breathing: a large pacer that grows and shrinks with the breath, cues, and a calm finish."""

from __future__ import annotations

import flet as ft

from pwa import routes
from pwa.core.breathing import (
    CUE_SOUNDS,
    LENGTH_CHOICES,
    PACER_SCALE,
    BreathingPattern,
    find_pattern,
    length_label,
    pacer_scale,
)
from pwa.core.timed_session import SessionState
from pwa.ui.shell.context import ShellState, use_shell
from pwa.ui.relax.session_runner import (
    SessionControls,
    countdown,
    finish_view,
    pause_resume_button,
    start_now_button,
    use_session_runner,
)
from pwa.ui.shell.shell import detail_view
from pwa.ui.widgets import announced, choice, progress_bar

PACER_SIZE = 220


def _clock_text(seconds: float) -> str:
    seconds = int(round(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"


def _pacer(pattern: BreathingPattern, state: SessionState, reduced_motion: bool) -> ft.Control:
    if reduced_motion:
        return progress_bar("pacer-bar", state.progress, "This breath", bar_height=16, border_radius=8)
    # The pacer always carries an animation, even at rest or paused (one of no length): a control
    # that gains an animation only when the first breath starts becomes a new animated widget on
    # the client, drawn at once at its target size, so the first breath in did not grow.
    if state.running:
        # The client animates the whole phase; the server only sends a new target per phase.
        scale = PACER_SCALE[state.step.what]
        animation = ft.Animation(int(state.step_seconds_left * 1000), ft.AnimationCurve.EASE_IN_OUT)
    else:  # before the start (at rest), paused (held where it is) or finished
        scale = pacer_scale(pattern.phases, state.index, state.progress)
        animation = ft.Animation(0, ft.AnimationCurve.EASE_IN_OUT)
    return ft.Container(
        key="pacer",
        width=PACER_SIZE,
        height=PACER_SIZE,
        border_radius=PACER_SIZE / 2,
        bgcolor=ft.Colors.PRIMARY_CONTAINER,
        border=ft.Border.all(2, ft.Colors.PRIMARY),
        scale=scale,
        animate_scale=animation,
        opacity=0.45 if state.paused else 1.0,
        content=ft.Icon(ft.Icons.PAUSE, size=64, color=ft.Colors.PRIMARY, key="pacer-paused") if state.paused else None,
        alignment=ft.Alignment.CENTER,
    )


def _length_choice(pattern: BreathingPattern, minutes: int | None, on_pick) -> ft.Control:
    options = {"default": f"{pattern.default_length} (usual)", **{str(m): length_label(m) for m in LENGTH_CHOICES}}
    value = "default" if minutes is None else str(minutes)
    return choice("session-length", "Session length", value, options, on_pick, width=None)


def _progress_text(state: SessionState) -> str:
    if state.open_ended:
        return f"Breath {state.cycle} · {_clock_text(state.elapsed)} so far"
    return f"Breath {state.cycle} of {state.cycles} · {_clock_text(state.seconds_left)} left"


def _session_view(pattern: BreathingPattern, run: SessionControls, shell: ShellState, set_length) -> list[ft.Control]:
    state = run.state
    if run.lead_in is not None:
        word, count = "Get ready", str(run.lead_in)
    elif state.paused:
        word, count = "Paused", countdown(state)
    elif state.elapsed > 0 or state.running:
        word, count = state.step.what.cue, countdown(state)
    else:
        word, count = "Get comfortable", ""
    controls: list[ft.Control] = [
        ft.Text(pattern.explanation, key="pattern-explanation", text_align=ft.TextAlign.CENTER),
        ft.Container(
            content=_pacer(pattern, state, shell.reduced_motion),
            height=PACER_SIZE * 1.15,
            alignment=ft.Alignment.CENTER,
        ),
        announced(ft.Text(word, key="phase-word", theme_style=ft.TextThemeStyle.HEADLINE_MEDIUM, text_align=ft.TextAlign.CENTER)),
        ft.Text(count, key="phase-seconds", text_align=ft.TextAlign.CENTER, theme_style=ft.TextThemeStyle.TITLE_LARGE),
    ]
    if run.lead_in is not None:
        controls.append(start_now_button(run))
    else:
        controls += [
            progress_bar("session-progress", state.session_progress, "Session"),
            ft.Text(_progress_text(state), key="session-left", text_align=ft.TextAlign.CENTER),
            pause_resume_button(run),
        ]
    controls += [
        ft.TextButton(content="Stop", icon=ft.Icons.STOP, key="stop", on_click=run.stop),
        _length_choice(pattern, shell.settings.minutes_for(pattern.id), set_length),
    ]
    return controls


@ft.component
def BreathingScreen() -> ft.View:
    shell = use_shell()
    requested = ft.use_route_params().get("pattern_id")
    custom = ft.use_memo(shell.deps.relaxation_repository.patterns, [shell.revision])
    pattern = find_pattern(requested or shell.settings.breathing_pattern_id, custom)
    minutes = shell.settings.minutes_for(pattern.id)
    run = use_session_runner(
        shell,
        lambda: pattern.session(shell.deps.clock, minutes),
        [pattern.id],
        cue_for=lambda phase: CUE_SOUNDS[phase],
        exercise=pattern.name,
        on_start=lambda: shell.change_settings(breathing_pattern_id=pattern.id),
    )

    def set_length(value: str) -> None:
        chosen = None if value == "default" else int(value)
        run.change(lambda: run.session.set_cycles(pattern.cycles_for(chosen)))
        shell.change_settings(session_minutes=shell.settings.session_minutes_with(pattern.id, chosen))

    route = routes.breathe(pattern.id if requested else None)
    if run.finished:
        body = finish_view("of slow breathing", run.session.spent(), run.restart, again="Breathe again")
    else:
        body = _session_view(pattern, run, shell, set_length)
    return detail_view(route, pattern.name, body, modal=True)
