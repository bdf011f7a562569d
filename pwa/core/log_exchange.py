"""Export and import of the symptom log: CSV (one row per episode) and a complete JSON backup.

Import never writes anything itself: it reads and validates the whole file first and returns an
`ImportPreview` (new entries, duplicates skipped, rejected rows with reasons) for the user to
confirm. A file that cannot be used at all raises `ImportFileError` with a plain message.

CSV columns, in this order:
  id               the entry's identifier (kept, so importing twice skips duplicates)
  started_at       ISO 8601 with time zone, e.g. 2026-11-23T21:30:00+01:00
  locations        places separated by ';', each region or side+region: "left calf; neck; other: toe"
  intensity        0-10, empty when not noted
  duration_seconds whole seconds, empty when not noted
  type             twitch, cramp, tingling or other
  triggers         separated by ';'
  note             free text

In the two list columns a ';' or '\\' inside a place or trigger is written '\\;' or '\\\\'.
A cell that a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a carriage
return) is written with a leading apostrophe, as OWASP's CSV-injection guidance advises; so is a
cell that already starts with an apostrophe followed by one of those (or another apostrophe).
Import removes that one apostrophe again, so export then import gives back the same entries.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import dataclass, field
from typing import Any, Mapping

from pwa.core.breathing import BreathingPattern, PatternError, pattern_from_dict
from pwa.core.episodes import SIDES, DayCheckIn, EntryError, Episode, validate_check_in, validate_episode

CSV_COLUMNS = ("id", "started_at", "locations", "intensity", "duration_seconds", "type", "triggers", "note")
BACKUP_FORMAT = "bfs-companion-backup"
BACKUP_VERSION = 1
MAX_IMPORT_BYTES = 20 * 1024 * 1024
MAX_FIELD_CHARACTERS = 10_000


class ImportFileError(ValueError):
    """The file as a whole cannot be imported; nothing was changed."""


# What hostile values raise in validators that expect numbers, text and lists: each is one rejected row.
_BAD_VALUE_ERRORS = (TypeError, ValueError, OverflowError, KeyError, AttributeError, IndexError, RecursionError)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _neutralise(cell: str) -> str:
    """A cell a spreadsheet will show as text, never run (see the module docstring)."""
    if cell.startswith(_FORMULA_STARTS) or (cell.startswith("'") and cell[1:2] in (*_FORMULA_STARTS, "'")):
        return "'" + cell
    return cell


def _restore(cell: str) -> str:
    if cell.startswith("'") and cell[1:2] in (*_FORMULA_STARTS, "'"):
        return cell[1:]
    return cell


def _join_list(items) -> str:
    return "; ".join(item.replace("\\", "\\\\").replace(";", "\\;") for item in items)


def _split_list(text: str) -> list[str]:
    """Items separated by ';', where '\\;' and '\\\\' stand for ';' and '\\' (any other backslash is kept)."""
    items, current, i = [], [], 0
    while i < len(text):
        char = text[i]
        if char == "\\" and text[i + 1 : i + 2] in ("\\", ";"):
            current.append(text[i + 1])
            i += 2
            continue
        if char == ";":
            items.append("".join(current))
            current = []
        else:
            current.append(char)
        i += 1
    items.append("".join(current))
    return [item.strip() for item in items if item.strip()]


@dataclass
class ImportPreview:
    episodes: list[Episode] = field(default_factory=list)  # new, valid, ready to save
    duplicates: int = 0  # already in the log (same id), skipped
    rejected: list[tuple[int, str]] = field(default_factory=list)  # (row or item number, reason)
    check_ins: list[DayCheckIn] = field(default_factory=list)
    patterns: list[BreathingPattern] = field(default_factory=list)  # validated
    settings: dict[str, Any] | None = None

    @property
    def summary(self) -> str:
        parts = [f"{len(self.episodes)} new entr{'y' if len(self.episodes) == 1 else 'ies'}"]
        if self.duplicates:
            parts.append(f"{self.duplicates} already in your log (skipped)")
        if self.rejected:
            parts.append(f"{len(self.rejected)} could not be used")
        return ", ".join(parts) + "."


# ---- CSV ---------------------------------------------------------------------------------
def _location_text(episode: Episode) -> str:
    parts = []
    for location in episode.locations:
        if location.region == "other":
            parts.append(f"other: {location.other_text}")
        else:
            parts.append(f"{location.side} {location.region}" if location.side else location.region)
    return _join_list(parts)


def _parse_locations(text: str) -> list[dict[str, Any]]:
    locations = []
    for part in _split_list(text):
        if part.lower().startswith("other:"):
            locations.append({"region": "other", "other_text": part[6:].strip()})
            continue
        words = part.split(" ", 1)
        if words[0].lower() in SIDES and len(words) == 2:
            locations.append({"region": words[1].strip().lower(), "side": words[0].lower()})
        else:
            locations.append({"region": part.lower()})
    return locations


def episodes_to_csv(episodes: list[Episode]) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for episode in episodes:
        cells = [
            episode.id,
            episode.started_at.isoformat(),
            _location_text(episode),
            "" if episode.intensity is None else str(episode.intensity),
            "" if episode.duration_seconds is None else str(episode.duration_seconds),
            episode.type.value,
            _join_list(episode.triggers),
            episode.note,
        ]
        writer.writerow([_neutralise(cell) for cell in cells])
    return buffer.getvalue()


def _decode(data: bytes) -> str:
    if len(data) > MAX_IMPORT_BYTES:
        raise ImportFileError(f"The file is larger than {MAX_IMPORT_BYTES // (1024 * 1024)} MB, so it was not read.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFileError(
            "The file is not UTF-8 text. Save it as 'CSV UTF-8' (or export it again from this app) and try again."
        ) from None


def parse_csv(data: bytes, existing_ids: set[str], now: dt.datetime) -> ImportPreview:
    text = _decode(data)
    csv.field_size_limit(MAX_FIELD_CHARACTERS * 4)
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        raise ImportFileError(f"The file is not valid CSV ({error}).") from None
    if not rows:
        raise ImportFileError("The file is empty.")
    header = tuple(cell.strip().lower() for cell in rows[0])
    if header != CSV_COLUMNS:
        raise ImportFileError(f"The columns should be: {', '.join(CSV_COLUMNS)}. This file has: {', '.join(header) or 'none'}.")
    preview = ImportPreview()
    seen: set[str] = set()
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(CSV_COLUMNS):
            preview.rejected.append((number, f"has {len(row)} values instead of {len(CSV_COLUMNS)}"))
            continue
        if any(len(cell) > MAX_FIELD_CHARACTERS for cell in row):
            preview.rejected.append((number, "a value is far too long"))
            continue
        raw: dict[str, Any] = dict(zip(CSV_COLUMNS, (_restore(cell) for cell in row)))
        raw["locations"] = _parse_locations(raw["locations"])
        raw["triggers"] = _split_list(raw["triggers"])
        raw["duration_seconds"] = raw["duration_seconds"].strip() or None
        _take(preview, number, raw, existing_ids, seen, now)
    return preview


def _take(preview: ImportPreview, number: int, raw: Mapping[str, Any], existing: set[str], seen: set[str], now) -> None:
    raw_id = raw.get("id")
    item_id = raw_id.strip() if isinstance(raw_id, str) else ""
    if not item_id:
        preview.rejected.append((number, "the id is missing"))
        return
    if item_id in seen:
        preview.rejected.append((number, "the same id appears twice in the file"))
        return
    seen.add(item_id)
    if item_id in existing:
        preview.duplicates += 1
        return
    try:
        preview.episodes.append(validate_episode({**raw, "id": item_id}, now))
    except EntryError as error:
        preview.rejected.append((number, " ".join(error.by_field.values())))
    except _BAD_VALUE_ERRORS:
        preview.rejected.append((number, "a value has the wrong type or size"))


# ---- JSON backup ----------------------------------------------------------------------------
def backup_to_json(
    episodes: list[Episode],
    check_ins: list[DayCheckIn],
    patterns: list[dict[str, Any]],
    settings: dict[str, Any],
    exported_at: dt.datetime,
) -> str:
    return json.dumps(
        {
            "format": BACKUP_FORMAT,
            "version": BACKUP_VERSION,
            "exported_at": exported_at.isoformat(),
            "episodes": [e.to_dict() for e in episodes],
            "check_ins": [c.to_dict() for c in check_ins],
            "patterns": patterns,
            "settings": settings,
        },
        ensure_ascii=False,
        indent=1,
    )


def parse_backup(data: bytes, existing_ids: set[str], now: dt.datetime) -> ImportPreview:
    text = _decode(data)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportFileError(f"The file is not valid JSON (line {error.lineno}: {error.msg}).") from None
    except RecursionError:
        raise ImportFileError("The file is nested too deeply to be a backup from this app.") from None
    except ValueError:  # Python refuses integers of more than 4,300 digits
        raise ImportFileError("The file holds a number too long to read, so it is not a backup from this app.") from None
    if not isinstance(document, dict) or document.get("format") != BACKUP_FORMAT:
        raise ImportFileError("This is not a BFS Companion backup file.")
    version = document.get("version")
    if type(version) is not int or version != BACKUP_VERSION:
        raise ImportFileError(f"This backup has version {version!r}; this app reads version {BACKUP_VERSION}.")
    sections = {name: document.get(name, []) for name in ("episodes", "check_ins", "patterns")}
    for name, value in sections.items():
        if not isinstance(value, list):
            raise ImportFileError(f"The '{name}' part of the backup should be a list.")
    preview = ImportPreview()
    seen: set[str] = set()
    for number, item in enumerate(sections["episodes"], start=1):
        if not isinstance(item, dict):
            preview.rejected.append((number, "an entry is not an object"))
            continue
        _take(preview, number, item, existing_ids, seen, now)
    for number, item in enumerate(sections["check_ins"], start=1):
        try:
            preview.check_ins.append(validate_check_in(item if isinstance(item, dict) else {}))
        except EntryError as error:
            preview.rejected.append((number, "check-in: " + " ".join(error.by_field.values())))
        except _BAD_VALUE_ERRORS:
            preview.rejected.append((number, "check-in: a value has the wrong type or size"))
    for number, item in enumerate(sections["patterns"], start=1):
        try:
            preview.patterns.append(pattern_from_dict(item))
        except PatternError as error:
            preview.rejected.append((number, f"breathing pattern {number}: {error}"))
        except _BAD_VALUE_ERRORS:
            preview.rejected.append((number, f"breathing pattern {number}: a value has the wrong type or size"))
    settings = document.get("settings")
    if settings is not None and not isinstance(settings, dict):
        raise ImportFileError("The 'settings' part of the backup should be an object.")
    preview.settings = settings
    return preview
