"""Export and import between the repositories and files: what the Export and import screen calls.

Reading a file only builds a preview; `apply_import` is the one place that writes, after the
user has seen the summary. Entries are saved in one durable step; check-ins and breathing
patterns that already exist are kept as they are, never overwritten.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pwa.adapters.episode_repository import EpisodeRepository
from pwa.adapters.file_exchange import CSV_SUFFIXES
from pwa.adapters.relaxation_repository import RelaxationRepository
from pwa.adapters.settings_repository import SettingsRepository
from pwa.core.log_exchange import (
    DateOrder,
    ImportFileError,
    ImportPreview,
    backup_to_json,
    csv_template,
    entry_key,
    episodes_to_csv,
    parse_backup,
    parse_csv,
)

TEMPLATE_NAME = "bfs-companion-template.csv"


@dataclass(frozen=True)
class LogRepositories:
    episodes: EpisodeRepository
    relaxation: RelaxationRepository
    settings: SettingsRepository


def export_name(kind: str, today: dt.date) -> str:
    suffix = "csv" if kind == "csv" else "json"
    label = "log" if kind == "csv" else "backup"
    return f"bfs-companion-{label}-{today.isoformat()}.{suffix}"


def export_csv(repos: LogRepositories) -> bytes:
    episodes = list(reversed(repos.episodes.find()))  # oldest first, as people read a diary
    return episodes_to_csv(episodes).encode("utf-8")


def export_template() -> bytes:
    """The export's own columns and no entries: a file to fill in and import."""
    return csv_template().encode("utf-8")


def export_backup(repos: LogRepositories, now: dt.datetime) -> bytes:
    return backup_to_json(
        list(reversed(repos.episodes.find())),
        repos.episodes.check_ins(),
        [p.to_dict() for p in repos.relaxation.patterns()],
        repos.settings.load().to_dict(),
        now,
    ).encode("utf-8")


def read_import(
    name: str, data: bytes, repos: LogRepositories, now: dt.datetime, date_order: DateOrder | None = None
) -> ImportPreview:
    """Validate a whole file into a preview; raises ImportFileError when the file cannot be used."""
    existing = repos.episodes.ids()  # without parsing every entry
    lowered = name.lower()
    if lowered.endswith(CSV_SUFFIXES):
        return parse_csv(
            data, existing, now, existing_keys=lambda: {entry_key(e) for e in repos.episodes.find()}, date_order=date_order
        )
    if lowered.endswith(".json"):
        return parse_backup(data, existing, now)
    raise ImportFileError(
        "Only CSV files (.csv) and backups from this app (.json) can be imported. From a spreadsheet, "
        "choose Save as, then 'CSV UTF-8'."
    )


def apply_import(preview: ImportPreview, repos: LogRepositories) -> str:
    """Write a confirmed preview, all or nothing, and say what was added. Raises OSError if the disk refuses.

    Breathing patterns (in the settings file) are written first, in one write; then entries and
    check-ins in one durable step of the log. If the log refuses, the patterns are taken back, so
    a full disk leaves everything as it was. Settings from a backup are not applied here: the
    screen applies them through the live shell when the user asks for it.
    """
    known_days = {c.day for c in repos.episodes.check_ins()}
    new_check_ins = list({c.day: c for c in preview.check_ins if c.day not in known_days}.values())
    known_patterns = {p.id for p in repos.relaxation.patterns()}
    new_patterns = list({p.id: p for p in preview.patterns if p.id not in known_patterns}.values())
    repos.relaxation.add_patterns(new_patterns)
    try:
        repos.episodes.save_many(preview.episodes, new_check_ins)
    except BaseException:
        repos.relaxation.delete_patterns([p.id for p in new_patterns])
        raise
    added_patterns = len(new_patterns)
    parts = [f"{len(preview.episodes)} entr{'y' if len(preview.episodes) == 1 else 'ies'}"]
    if new_check_ins:
        parts.append(f"{len(new_check_ins)} day check-in{'s' if len(new_check_ins) != 1 else ''}")
    if added_patterns:
        parts.append(f"{added_patterns} breathing pattern{'s' if added_patterns != 1 else ''}")
    return "Added " + ", ".join(parts) + "."
