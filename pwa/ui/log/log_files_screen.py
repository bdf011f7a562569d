"""Export and import: a CSV of the log, a complete backup, and importing either after a preview."""

from __future__ import annotations

import dataclasses

import flet as ft

from pwa import routes
from pwa.adapters.file_exchange import ExchangeError, PickedFile
from typing import TYPE_CHECKING
from pwa.core.settings import AppSettings
from pwa.ui.shell.context import ShellState, use_shell
from pwa.ui.shell.shell import detail_view
from pwa.ui.widgets import Expander, announced, choice, copyable, labelled_switch

DATE_ORDERS = {"": "Not chosen", "day-first": "Day first: 03/04/2026 is 3 April", "month-first": "Month first: 03/04/2026 is March 4"}
# The CSV format in plain words; pwa/core/log_exchange.py holds the rules, the README the same table.
CSV_FORMAT = (
    ("started_at", "needed", "date and time: 2026-11-23 21:30 (or with seconds, or a time zone like +01:00)"),
    ("locations", "needed", "places, separated by ';': left calf; neck; other: big toe"),
    ("id", "optional", "kept when given; without it, an entry with the same time, places and kind is skipped"),
    ("intensity", "optional", "0 to 10; empty when not noted"),
    ("duration_seconds", "optional", "whole seconds; empty when not noted"),
    ("type", "optional", "twitch, cramp, tingling or other; empty means twitch"),
    ("triggers", "optional", "separated by ';': caffeine; poor sleep"),
    ("note", "optional", "any text"),
)

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


def _format_help(on_template) -> ft.Control:
    rows = [ft.Text(f"{name} ({need}): {meaning}", key=f"format-{name}") for name, need, meaning in CSV_FORMAT]
    return Expander(
        "csv-format",
        "What a CSV file needs",
        subtitle="The columns, and a template to fill in",
        icon=ft.Icons.HELP_OUTLINE,
        controls=[
            ft.Container(
                padding=ft.Padding.only(bottom=12),
                content=ft.Column(
                    spacing=6,
                    tight=True,
                    controls=[
                        ft.Text(
                            "The first row names the columns, in any order and any case. Columns this app does not "
                            "use are ignored and listed. Cells may be separated by commas, semicolons or tabs. "
                            "A file saved by this app always imports back unchanged."
                        ),
                        *rows,
                        ft.Text(
                            "Dates like 03/04/2026 are read only once you say whether your file puts the day or "
                            "the month first. A date without a time is not used: a time is never made up."
                        ),
                        ft.OutlinedButton(
                            content="Save a template CSV", icon=ft.Icons.TABLE_CHART_OUTLINED, key="export-template",
                            on_click=on_template,
                        ),
                    ],
                ),
            )
        ],
    )


@ft.component
def ImportPreviewCard(name: str, preview: ImportPreview, on_done, date_order: str = "", on_date_order=None) -> ft.Control:
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
        ft.Text(f"Row {number}: {reason}", key=f"rejected-{number}")
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
        ft.Text("Nothing is added until you confirm.", theme_style=ft.TextThemeStyle.BODY_SMALL),
        *[ft.Text(f"Also: {line}.") for line in extra],
    ]
    if preview.ignored_columns:
        controls.append(
            ft.Text(f"Columns not used: {', '.join(preview.ignored_columns)}.", key="import-ignored")
        )
    if on_date_order is not None and (preview.needs_date_order or date_order):
        controls += [
            ft.Text(
                "Some dates could be read two ways. Which does this file use?" if preview.needs_date_order
                else "Dates like 03/04/2026 are read as chosen here.",
                key="import-date-order-hint",
            ),
            choice("import-date-order", "Dates in this file", date_order, DATE_ORDERS, on_date_order, width=320),
        ]
    if rejected:
        controls.append(ft.Text("Rows that will not be added:", theme_style=ft.TextThemeStyle.TITLE_SMALL))
    controls += rejected
    if preview.settings is not None:
        controls.append(
            labelled_switch("Also restore the settings from this backup", "import-settings", restore_settings, set_restore_settings,
                            window_width=shell.width)
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
    pending, set_pending = ft.use_state(None)  # (picked file, ImportPreview, date order) awaiting confirmation
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

    async def save_template() -> None:
        from pwa.adapters.log_transfer import TEMPLATE_NAME, export_template

        try:
            set_message(await exchange.save(TEMPLATE_NAME, export_template()))
        except ExchangeError as error:
            set_message(str(error))

    def preview(picked: PickedFile, date_order: str = "") -> None:
        from pwa.adapters.log_transfer import read_import
        from pwa.core.log_exchange import DateOrder, ImportFileError

        order = DateOrder(date_order) if date_order else None
        try:
            set_pending((picked, read_import(picked.name, picked.data, repositories(shell), shell.deps.now(), order), date_order))
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
            content="Save the log as CSV", icon=ft.Icons.TABLE_VIEW, key="export-csv", on_click=save_csv
        ),
        ft.FilledTonalButton(
            content="Save a complete backup", icon=ft.Icons.SAVE_ALT, key="export-backup", on_click=save_backup
        ),
        ft.Text("Bring entries in", theme_style=ft.TextThemeStyle.TITLE_MEDIUM),
        ft.Text("You see what a file holds before anything is added. Entries already in your log are skipped."),
        _format_help(save_template),
    ]
    if exchange.picks_files:
        body.append(
            ft.FilledTonalButton(content="Choose a file", icon=ft.Icons.FILE_OPEN, key="import-choose", on_click=choose)
        )
    else:
        body.append(copyable(ft.Text(f"Put a .csv or .json file in {exchange.where}, then choose it here."),
                             "the folder's path", str(exchange.where), "copy-exchange-folder"))
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
        picked, found, order = pending
        top.append(ImportPreviewCard(picked.name, found, done, order, lambda chosen: preview(picked, chosen)))
    body = top + body
    return detail_view(routes.LOG_FILES, "Export and import", body, modal=True)
