"""Export and import of the symptom log: CSV (one row per episode) and a complete JSON backup.

Import never writes anything itself: it reads and validates the whole file first and returns an
`ImportPreview` (new entries, duplicates skipped, rejected rows with reasons) for the user to
confirm. A file that cannot be used at all raises `ImportFileError` with a plain message.

CSV columns (the export writes all of them in this order; an import needs only started_at and
locations, in any order, and lists any other column it ignores):
  id               the entry's identifier (kept, so importing twice skips duplicates); optional:
                   without it a new id is made, and an entry with the same start time, places
                   and kind as one in the log counts as already there
  started_at       a date and time: 2026-11-23T21:30:00+01:00, 2026-11-23 21:30 (the device's time
                   zone), with or without seconds; 23/11/2026 21:30 or 11/23/2026 21:30 only when
                   the person has said which order their file uses (never guessed)
  locations        places separated by ';': "left calf; neck; other: big toe", also "Left Calf",
                   "calf (left)", "calf left"
  intensity        0-10, empty when not noted
  duration_seconds whole seconds, empty when not noted
  type             twitch, cramp, tingling or other (any case; empty: twitch)
  triggers         separated by ';'
  note             free text
Cells may be separated by ',' (as exported), ';' or a tab (as some spreadsheets save them).

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
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Mapping

from pwa.core.breathing import BreathingPattern, PatternError, pattern_from_dict
from pwa.core.episodes import BODY_REGIONS, DayCheckIn, EntryError, Episode, validate_check_in, validate_episode
from pwa.core.wording import plural

CSV_COLUMNS = ("id", "started_at", "locations", "intensity", "duration_seconds", "type", "triggers", "note")
REQUIRED_COLUMNS = ("started_at", "locations")
BACKUP_FORMAT = "bfs-companion-backup"
BACKUP_VERSION = 1
MAX_IMPORT_BYTES = 10 * 1024 * 1024
MAX_FIELD_CHARACTERS = 10_000
DELIMITERS = (",", ";", "\t")


class DateOrder(str, Enum):
    """How a file writes dates like 03/04/2026; only the person can say."""

    DAY_FIRST = "day-first"
    MONTH_FIRST = "month-first"


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
    ignored_columns: list[str] = field(default_factory=list)  # CSV columns this app does not read
    needs_date_order: bool = False  # some rows write dates like 03/04/2026 and no order was chosen

    @property
    def summary(self) -> str:
        """What confirming would do, before anything is written."""
        parts = [f"{len(self.episodes)} to add"]
        if self.duplicates:
            parts.append(f"{self.duplicates} already in your log")
        if self.rejected:
            parts.append(f"{len(self.rejected)} with problems")
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


_SIDE_FIRST = re.compile(r"^(left|right)\s+(.+)$")
_SIDE_AFTER = re.compile(r"^(.+?)\s*(?:\((left|right)\)|,?\s+(left|right))$")
_REGION_WORDS = {"many places": "all over", "all over": "all over"}


def _parse_locations(text: str) -> list[dict[str, Any]]:
    """Places as written by the export or by hand: "left calf", "Left Calf", "calf (left)", "calf left", "other: toe"."""
    locations = []
    for part in _split_list(text):
        if part.lower().startswith("other:"):
            locations.append({"region": "other", "other_text": part[6:].strip()})
            continue
        words = " ".join(part.lower().split())
        words = _REGION_WORDS.get(words, words)
        if words in BODY_REGIONS:
            locations.append({"region": words})
        elif match := _SIDE_FIRST.match(words):
            locations.append({"region": match[2], "side": match[1]})
        elif match := _SIDE_AFTER.match(words):
            locations.append({"region": match[1], "side": match[2] or match[3]})
        else:
            locations.append({"region": words})
    return locations


def entry_key(episode: Episode) -> tuple:
    """What makes two entries the same when a file has no ids: the moment, the places and the kind."""
    return episode.started_at.timestamp(), frozenset(episode.locations), episode.type


_NUMERIC_DATE = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$")


class _NeedsDateOrder(ValueError):
    pass


def parse_start(text: str, order: DateOrder | None, zone: dt.tzinfo | None) -> dt.datetime:
    """A start time as people's files write it; a time without a zone is in `zone` (None: the device's).

    Raises ValueError with a plain reason. A date without a time is refused: a time is never made up.
    """
    text = " ".join(text.split())
    if not text:
        raise ValueError("The start time is missing.")
    numeric = _NUMERIC_DATE.match(text)
    if numeric:
        if order is None:
            raise _NeedsDateOrder(f"{text} could be day-first or month-first: choose which your file uses, above.")
        first, second, year, hour, minute, second_of_minute = numeric.groups()
        day, month = (first, second) if order is DateOrder.DAY_FIRST else (second, first)
        if hour is None:
            raise ValueError(f"{text} has a date but no time.")
        try:
            moment = dt.datetime(int(year), int(month), int(day), int(hour), int(minute), int(second_of_minute or 0))
        except ValueError:
            reading = "day/month/year" if order is DateOrder.DAY_FIRST else "month/day/year"
            raise ValueError(f"{text} is not a date when read as {reading}.") from None
    else:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            raise ValueError(f"{text} has a date but no time.")
        try:
            moment = dt.datetime.fromisoformat(text)
        except ValueError:
            raise ValueError(f"{text} is not a date and time like 2026-11-23 21:30.") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone) if zone is not None else moment.astimezone()
    return moment


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
    """The file's text: UTF-8 (with or without a byte-order mark) or UTF-16 with one (Excel's "Unicode text")."""
    if len(data) > MAX_IMPORT_BYTES:
        raise ImportFileError(f"The file is larger than {MAX_IMPORT_BYTES // (1024 * 1024)} MB, so it was not read.")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ImportFileError("The file says it is UTF-16 text but is not. Save it as 'CSV UTF-8' and try again.") from None
    not_text = ImportFileError(
        "This is not a text file (it may be a spreadsheet like .xlsx, a picture or a PDF). "
        "In your spreadsheet, choose Save as, then 'CSV UTF-8', and import that file."
    )
    if b"\x00" in data.partition(b"\n")[0]:  # a first line (the header) never holds a NUL; binary files do
        raise not_text
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        if b"\x00" in data:
            raise not_text from None
        raise ImportFileError(
            "The file is not UTF-8 text. Save it as 'CSV UTF-8' (or export it again from this app) and try again."
        ) from None


def csv_template() -> str:
    """The columns the export writes, with no entries: a file to fill in and import."""
    return episodes_to_csv([])


def _column(name: str) -> str:
    return "_".join(name.strip().lower().replace("-", " ").split())


def _read_rows(text: str) -> list[list[str]]:
    """Rows of the CSV, with the delimiter that makes the most sense of the header (',' wins ties)."""
    first_line = (text.splitlines() or [""])[0]
    # max() keeps the first of equals, and "," is first: a header that fits no delimiter better is read with commas
    delimiter = max(DELIMITERS, key=lambda d: sum(_column(c) in CSV_COLUMNS for c in first_line.split(d)))
    csv.field_size_limit(MAX_FIELD_CHARACTERS * 4)
    try:
        return list(csv.reader(io.StringIO(text), delimiter=delimiter))  # StringIO keeps every line end as written
    except csv.Error as error:
        raise ImportFileError(f"The file is not valid CSV ({error}).") from None


def parse_csv(
    data: bytes,
    existing_ids: set[str],
    now: dt.datetime,
    *,
    existing_keys: Callable[[], set[tuple]] = set,
    date_order: DateOrder | None = None,
    zone: dt.tzinfo | None = None,
) -> ImportPreview:
    """Read a CSV into a preview. `existing_keys`: `entry_key` of every entry in the log, asked for
    only when a row has no id; `zone`: for times written without one (None: the device's)."""
    rows = _read_rows(_decode(data))
    if not rows:
        raise ImportFileError("The file is empty.")
    header = [_column(cell) for cell in rows[0]]
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    if missing:
        raise ImportFileError(
            f"The file needs the columns {' and '.join(REQUIRED_COLUMNS)} (the others are optional); it has "
            f"{', '.join(c for c in header if c) or 'none'}. The template in the import screen shows the format."
        )
    doubled = sorted({name for name in header if name in CSV_COLUMNS and header.count(name) > 1})
    if doubled:
        columns = f"column {doubled[0]} appears" if len(doubled) == 1 else f"columns {', '.join(doubled)} appear"
        raise ImportFileError(f"The {columns} more than once, so the file is not clear.")
    positions = {name: header.index(name) for name in CSV_COLUMNS if name in header}
    preview = ImportPreview(ignored_columns=[rows[0][i].strip() for i, name in enumerate(header) if name and name not in CSV_COLUMNS])
    seen: set[str] = set()
    keys: set[tuple] | None = None
    keys_in_file: dict[tuple, int] = {}
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < len(header) or any(cell.strip() for cell in row[len(header):]):
            preview.rejected.append((number, f"has {plural(len(row), 'value')} but the first row names {plural(len(header), 'column')}"))
            continue
        if any(len(cell) > MAX_FIELD_CHARACTERS for cell in row):
            preview.rejected.append((number, "a value is far too long"))
            continue
        cells = {name: _restore(row[index]) for name, index in positions.items()}  # a short row was refused above
        raw: dict[str, Any] = {
            "id": cells.get("id", ""),
            "locations": _parse_locations(cells["locations"]),
            "triggers": _split_list(cells.get("triggers", "")),
            "intensity": cells.get("intensity"),
            "duration_seconds": cells.get("duration_seconds"),
            "type": cells.get("type", "").strip().lower() or "twitch",
            "note": cells.get("note"),
        }
        try:
            raw["started_at"] = parse_start(cells["started_at"], date_order, zone)
        except _NeedsDateOrder as problem:
            preview.needs_date_order = True
            preview.rejected.append((number, str(problem)))
            continue
        except ValueError as problem:
            preview.rejected.append((number, str(problem)))
            continue
        if raw["id"].strip():
            _take(preview, number, raw, existing_ids, seen, now)
            continue
        try:
            episode = validate_episode({**raw, "id": None}, now)
        except EntryError as error:
            preview.rejected.append((number, " ".join(error.by_field.values())))
            continue
        key = entry_key(episode)
        if keys is None:
            keys = existing_keys()
        if key in keys:
            preview.duplicates += 1
        elif key in keys_in_file:
            preview.rejected.append((number, f"the same time, place and kind as row {keys_in_file[key]}"))
        else:
            keys_in_file[key] = number
            preview.episodes.append(episode)
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
