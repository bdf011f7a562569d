"""Breathing: a large pacer that grows and shrinks with the breath, cues, and a calm finish."""

from __future__ import annotations

import asyncio

import flet as ft

from pwa import routes
from pwa.core.breathing import CUE_SOUNDS, PACER_SCALE, BreathingPattern, find_pattern, pacer_scale
from pwa.core.timed_session import SessionFinished, SessionState, StepStarted, TimedSession
from pwa.ui.context import ShellState, go, use_shell
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


def _finish_view(pattern: BreathingPattern, session: TimedSession, restart) -> list[ft.Control]:
    minutes = round(session.elapsed() / 60)
    took = (
        f"You gave yourself {minutes} minute{'s' if minutes != 1 else ''} of slow breathing."
        if minutes >= 1
        else "You took a few slow breaths."
    )
    return [
        ft.Container(height=24),
        ft.Icon(ft.Icons.SPA_OUTLINED, size=48, color=ft.Colors.PRIMARY),
        ft.Text("Well done.", key="finish", theme_style=ft.TextThemeStyle.HEADLINE_SMALL, text_align=ft.TextAlign.CENTER),
        ft.Text(
            f"{took} Notice how your body feels now, without needing to change anything.",
            key="finish-message",
            text_align=ft.TextAlign.CENTER,
        ),
        ft.FilledTonalButton(content="Breathe again", icon=ft.Icons.REPLAY, key="breathe-again", on_click=restart),
        ft.TextButton(content="Back to Home", key="finish-home", on_click=lambda: go(routes.HOME)),
    ]


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
        ft.Text(f"{int(state.step_seconds_left) + 1}", key="phase-seconds", text_align=ft.TextAlign.CENTER, theme_style=ft.TextThemeStyle.TITLE_LARGE),
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
    pattern = find_pattern(requested or shell.settings.breathing_pattern_id)
    run, set_run = ft.use_state(0)  # bumped by "Breathe again" to start a fresh session
    session = ft.use_memo(lambda: pattern.session(shell.deps.clock), [pattern.id, run])
    state, set_state = ft.use_state(session.state)
    finished, set_finished = ft.use_state(False)
    active = ft.use_ref(None)  # the session the running effect drives

    async def run_session() -> None:
        active.current = session
        cues = shell.deps.make_cues(shell.settings)
        session.start()
        cues.keep_awake(True)
        shell.change_settings(breathing_pattern_id=pattern.id)
        try:
            while True:
                for event in session.poll():
                    if isinstance(event, StepStarted):
                        cues.cue(CUE_SOUNDS[event.step.what])
                    elif isinstance(event, SessionFinished) and event.completed:
                        cues.cue("finish")
                set_state(session.state())
                if session.finished:
                    set_finished(True)
                    return
                await asyncio.sleep(min(shell.deps.tick_seconds, session.seconds_until_next_change()))
        finally:
            cues.keep_awake(False)

    def stop_active() -> None:
        if active.current is not None:
            active.current.stop()

    # flet 1.0.5 drops a cleanup returned from the setup, and runs the explicit one with the new
    # render's closure: so it stops the session the effect started, kept in a ref, not `session`.
    ft.use_effect(run_session, [session], cleanup=stop_active)

    def toggle() -> None:
        if session.running:
            session.pause()
        else:
            session.resume()
        set_state(session.state())

    def stop() -> None:
        session.stop()
        set_state(session.state())

    def restart() -> None:
        set_finished(False)
        set_run(run + 1)

    route = routes.breathe(pattern.id if requested else None)
    body = _finish_view(pattern, session, restart) if finished else _session_view(pattern, state, shell, toggle, stop)
    return detail_view(route, pattern.name, body, modal=True)
