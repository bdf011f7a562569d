"""Progressive muscle relaxation: one muscle group at a time, tense gently, then let go."""

from __future__ import annotations

import flet as ft

from pwa import routes
from pwa.core.pmr import DEFAULT_SEQUENCE, SEQUENCES, PmrPhase, PmrStep, pmr_session
from pwa.core.timed_session import SessionState
from pwa.ui.shell.context import use_shell
from pwa.ui.relax.session_runner import (
    SessionControls,
    countdown,
    finish_view,
    pause_resume_button,
    start_now_button,
    use_session_runner,
)
from pwa.ui.shell.shell import detail_view
from pwa.ui.widgets import announced, icon_button, progress_bar

CUES = {PmrPhase.TENSE: "tense", PmrPhase.RELEASE: "release"}


def _body_progress(groups: int, state: SessionState[PmrStep]) -> ft.Control:
    current = state.step.what.group
    done = True
    rows = []
    for group in SEQUENCES[groups]:
        if group == current:
            done = False
            icon, colour, status = ft.Icons.RADIO_BUTTON_CHECKED, ft.Colors.PRIMARY, "now"
        elif done:
            icon, colour, status = ft.Icons.CHECK_CIRCLE_OUTLINE, ft.Colors.ON_SURFACE_VARIANT, "done"
        else:
            icon, colour, status = ft.Icons.CIRCLE_OUTLINED, ft.Colors.OUTLINE, "to come"
        rows.append(
            ft.Row(
                [ft.Icon(icon, color=colour, size=20, semantics_label=status), ft.Text(group.name, expand=True)],  # wraps, never runs off
                key=f"group-{group.id}",
                spacing=12,
            )
        )
    return ft.Column(rows, key="body-progress", spacing=6)


def _session_view(groups: int, run: SessionControls[PmrStep]) -> list[ft.Control]:
    state = run.state
    step = state.step.what
    if run.lead_in is not None:
        phase, instruction, count = "Get ready", "Settle in and let your breathing slow down.", str(run.lead_in)
    else:
        phase = "Paused" if state.paused else "Tense gently" if step.phase is PmrPhase.TENSE else "Release and notice"
        instruction, count = step.instruction, countdown(state)
    controls: list[ft.Control] = [
        ft.Text(step.group.name, key="group-name", theme_style=ft.TextThemeStyle.HEADLINE_SMALL),
        # One announcement per step says the group, what to do and how (the group alone changes less often).
        announced(ft.Text(phase, key="pmr-phase", theme_style=ft.TextThemeStyle.TITLE_MEDIUM, color=ft.Colors.PRIMARY,
                          semantics_label=f"{step.group.name}: {phase}. {instruction}")),
        ft.Text(instruction, key="pmr-instruction", theme_style=ft.TextThemeStyle.BODY_LARGE),
        ft.Text(count, key="pmr-seconds", theme_style=ft.TextThemeStyle.DISPLAY_SMALL),
    ]
    if run.lead_in is not None:
        return [*controls, start_now_button(run), ft.TextButton(content="Stop", icon=ft.Icons.STOP, key="stop", on_click=run.stop)]
    return [
        *controls,
        progress_bar("pmr-step-progress", state.progress, f"{step.group.name}, this step"),
        ft.Row(
            [
                icon_button(ft.Icons.SKIP_PREVIOUS, "Back", "pmr-back", run.back),
                pause_resume_button(run),
                icon_button(ft.Icons.SKIP_NEXT, "Skip", "pmr-skip", run.skip),
            ],
            alignment=ft.MainAxisAlignment.CENTER,
        ),
        ft.TextButton(content="Stop", icon=ft.Icons.STOP, key="stop", on_click=run.stop),
        ft.Text("Your body, group by group", theme_style=ft.TextThemeStyle.TITLE_SMALL),
        _body_progress(groups, state),
    ]


@ft.component
def PmrScreen() -> ft.View:
    shell = use_shell()
    requested = ft.use_route_params().get("groups", "")
    groups = int(requested) if requested.isdigit() and int(requested) in SEQUENCES else DEFAULT_SEQUENCE
    settings = shell.settings
    run = use_session_runner(
        shell,
        lambda: pmr_session(shell.deps.clock, groups, settings.pmr_tense_seconds, settings.pmr_release_seconds),
        [groups],
        cue_for=lambda step: CUES[step.phase],
        exercise=f"Muscle relaxation, {groups} groups",
        on_start=lambda: shell.change_settings(pmr_groups=groups),
    )
    if run.finished:
        body = finish_view("to relax your muscles", run.session.spent(), run.restart, again="Start again")
    else:
        body = _session_view(groups, run)
    return detail_view(routes.muscle_relaxation(groups), f"Muscle relaxation: {groups} groups", body, modal=True)
