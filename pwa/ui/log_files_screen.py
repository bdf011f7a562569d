"""Export and import: a CSV of the log, a complete backup, and importing either after a preview."""

from __future__ import annotations

import dataclasses

import flet as ft

from pwa import routes
from pwa.adapters.file_exchange import ExchangeError, PickedFile
from typing import TYPE_CHECKING
from pwa.core.settings import AppSettings
from pwa.ui.context import ShellState, use_shell
from pwa.ui.shell import detail_view
from pwa.ui.widgets import announced

if TYPE_CHECKING:
    from pwa.adapters.log_transfer import LogRepositories
    from pwa.core.log_exchange import ImportPreview

# The export/import code (csv, json, the formats) is imported when this screen is first used, not
# at start-up: the person opening the app mid-episode never waits for it.

REJECTED_SHOWN = 20


def repositories(shell: ShellState) -> LogRepositories:
    from pwa.adapters.log_transfer import LogRepositories

    deps = shell.deps
    return LogRepositories(deps.episode_repository, deps.relaxation_repository, deps.settings_repository)


@ft.component
def ImportPreviewCard(name: str, preview: ImportPreview, on_done) -> ft.Control:
    """What an import would add, shown before anything is written."""
    shell = use_shell()
    restore_settings, set_restore_settings = ft.use_state(False)
    problem, set_problem = ft.use_state(None)

    def confirm() -> None:
        from pwa.adapters.log_transfer import apply_import

        try:
            message = apply_import(preview, repositories(shell))
        except OSError as error:
            set_problem(f"Nothing could be saved ({error.strerror or error}). Your log is as it was.")
            return
        if restore_settings and preview.settings is not None:
            restored = AppSettings.from_dict(preview.settings)
            shell.change_settings(**{f.name: getattr(restored, f.name) for f in dataclasses.fields(restored)})
            message = message[:-1] + " and restored your settings."
        shell.data_changed()
        on_done(message)

    rejected = [
        ft.Text(f"Row {number}: {reason}", key=f"rejected-{number}", selectable=True)
        for number, reason in preview.rejected[:REJECTED_SHOWN]
    ]
    if len(preview.rejected) > REJECTED_SHOWN:
        rejected.append(ft.Text(f"...and {len(preview.rejected) - REJECTED_SHOWN} more like these."))
    extra = []
    if preview.check_ins:
        extra.append(f"{len(preview.check_ins)} day check-ins (days you already have are kept as they are)")
    if preview.patterns:
        extra.append(f"{len(preview.patterns)} breathing patterns (new ones only)")
    controls: list[ft.Control] = [
        ft.Text(f"In {name}", theme_style=ft.TextThemeStyle.TITLE_SMALL),
        ft.Text(preview.summary, key="import-summary"),
        *[ft.Text(f"Also: {line}.") for line in extra],
        *rejected,
    ]
    if preview.settings is not None:
        controls.append(
            ft.Switch(
                key="import-settings",
                label="Also restore the settings from this backup",
                value=restore_settings,
                on_change=lambda e: set_restore_settings(bool(e.control.value)),
            )
        )
    nothing = not (preview.episodes or preview.check_ins or preview.patterns)
    controls.append(
        ft.Row(
            wrap=True,
            spacing=8,
            controls=[
                ft.FilledButton(
                    content="Nothing new to add" if nothing else "Add to my log",
                    icon=ft.Icons.CHECK,
                    key="import-confirm",
                    disabled=nothing,
                    on_click=confirm,
                    height=48,
                ),
                ft.TextButton(content="Cancel", key="import-cancel", on_click=lambda: on_done("Nothing was imported.")),
            ],
        )
    )
    if problem:
        controls.append(ft.Text(problem, key="import-problem"))
    return ft.Container(
        key="import-preview",
        padding=16,
        border_radius=16,
        bgcolor=ft.Colors.SURFACE_CONTAINER_HIGH,
        content=ft.Column(controls, spacing=8, tight=True),
    )


@ft.component
def LogFilesScreen() -> ft.View:
    shell = use_shell()
    exchange = shell.deps.file_exchange
    message, set_message = ft.use_state(None)
    pending, set_pending = ft.use_state(None)  # (file name, ImportPreview) awaiting confirmation
    listed = ft.use_memo(exchange.listed, [shell.revision, message])

    async def save(kind: str) -> None:
        from pwa.adapters.log_transfer import export_backup, export_csv, export_name

        repos = repositories(shell)
        now = shell.deps.now()
        data = export_csv(repos) if kind == "csv" else export_backup(repos, now)
        try:
            set_message(await exchange.save(export_name(kind, now.date()), data))
        except ExchangeError as error:
            set_message(str(error))

    async def save_csv() -> None:
        await save("csv")

    async def save_backup() -> None:
        await save("json")

    def preview(picked: PickedFile) -> None:
        from pwa.adapters.log_transfer import read_import
        from pwa.core.log_exchange import ImportFileError

        try:
            set_pending((picked.name, read_import(picked.name, picked.data, repositories(shell), shell.deps.now())))
            set_message(None)
        except ImportFileError as error:
            set_pending(None)
            set_message(f"{picked.name} was not imported: {error} Your log is unchanged.")

    def import_listed(name: str) -> None:
        try:
            preview(exchange.read(name))
        except ExchangeError as error:
            set_message(str(error))

    async def choose() -> None:
        try:
            picked = await exchange.pick()
        except ExchangeError as error:
            set_message(str(error))
            return
        if picked is not None:
            preview(picked)

    def done(text: str) -> None:
        set_pending(None)
        set_message(text)

    body: list[ft.Control] = [
        ft.Text("Save a copy", theme_style=ft.TextThemeStyle.TITLE_MEDIUM),
        ft.Text(
            "A CSV file opens in any spreadsheet. A backup keeps everything (entries, check-ins, your breathing "
            f"patterns and settings) to bring back later. Files go to {exchange.where}; nothing is sent anywhere."
        ),
        ft.FilledTonalButton(
            content="Save the log as CSV", icon=ft.Icons.TABLE_VIEW, key="export-csv", on_click=save_csv, height=52
        ),
        ft.FilledTonalButton(
            content="Save a complete backup", icon=ft.Icons.SAVE_ALT, key="export-backup", on_click=save_backup, height=52
        ),
        ft.Text("Bring entries in", theme_style=ft.TextThemeStyle.TITLE_MEDIUM),
        ft.Text("You see what a file holds before anything is added. Entries already in your log are skipped."),
    ]
    if exchange.picks_files:
        body.append(
            ft.FilledTonalButton(content="Choose a file", icon=ft.Icons.FILE_OPEN, key="import-choose", on_click=choose, height=52)
        )
    else:
        body.append(ft.Text(f"Put a .csv or .json file in {exchange.where}, then choose it here.", selectable=True))
        if listed:
            body += [
                ft.ListTile(
                    key=f"import-file-{name}",
                    leading=ft.Icon(ft.Icons.DESCRIPTION_OUTLINED),
                    title=ft.Text(name),
                    trailing=ft.Icon(ft.Icons.CHEVRON_RIGHT),
                    on_click=lambda _, name=name: import_listed(name),
                )
                for name in listed
            ]
        else:
            body.append(ft.Text("No files there yet.", key="import-none"))
    # What just happened goes first, where it is seen (and read out) without scrolling.
    top: list[ft.Control] = []
    if message:
        top.append(announced(ft.Text(message, key="files-message")))
    if pending is not None:
        top.append(ImportPreviewCard(pending[0], pending[1], done))
    body = top + body
    return detail_view(routes.LOG_FILES, "Export and import", body, modal=True)
