"""Export and import: exact round trips, and bad files that change nothing and say why."""

import datetime as dt
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pwa.core.breathing import pattern_from_dict
from pwa.core.episodes import BODY_REGIONS, KNOWN_TRIGGERS, EpisodeType, validate_check_in, validate_episode
from pwa.core.log_exchange import (
    CSV_COLUMNS,
    ImportFileError,
    backup_to_json,
    episodes_to_csv,
    parse_backup,
    parse_csv,
)

NOW = dt.datetime(2026, 11, 23, 22, 0, tzinfo=dt.timezone.utc)


@st.composite
def episodes(draw):
    region = draw(st.sampled_from(sorted(BODY_REGIONS)))
    location = {"region": region}
    if BODY_REGIONS[region]:
        location["side"] = draw(st.sampled_from(["left", "right"]))
    if region == "other":
        location["other_text"] = draw(st.text(st.characters(blacklist_characters=";", blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=30).filter(lambda t: t.strip() and " ".join(t.split()) == t))
    minutes = draw(st.integers(0, 60 * 24 * 365))
    offset = dt.timezone(dt.timedelta(minutes=draw(st.sampled_from([-300, 0, 60, 330]))))
    trigger_text = st.text("abcdefghij xyz", min_size=1, max_size=20).filter(lambda t: " ".join(t.split()) == t and t.strip())
    return validate_episode(
        {
            "id": draw(st.uuids()).hex,
            "started_at": (NOW - dt.timedelta(minutes=minutes)).astimezone(offset).replace(microsecond=0).isoformat(),
            "locations": [location],
            "intensity": draw(st.one_of(st.none(), st.integers(0, 10))),
            "duration_seconds": draw(st.one_of(st.none(), st.integers(1, 86400))),
            "type": draw(st.sampled_from([t.value for t in EpisodeType])),
            "triggers": draw(st.lists(st.one_of(st.sampled_from(KNOWN_TRIGGERS), trigger_text), max_size=3, unique=True)),
            "note": draw(st.text(st.characters(blacklist_categories=("Cs",)), max_size=200)),
        },
        NOW,
    )


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(episodes(), max_size=6, unique_by=lambda e: e.id))
def test_csv_export_then_import_gives_back_exactly_the_same_episodes(items):
    preview = parse_csv(episodes_to_csv(items).encode("utf-8"), set(), NOW)
    assert preview.rejected == [] and preview.episodes == items


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(episodes(), max_size=6, unique_by=lambda e: e.id))
def test_json_backup_round_trips_exactly(items):
    check_in = validate_check_in({"day": "2026-11-22", "sleep_hours": 6.5, "stress": 3})
    pattern = {"id": "custom-1", "name": "Evening", "phases": [["inhale", 4], ["exhale", 8]]}
    text = backup_to_json(items, [check_in], [pattern], {"theme": "dark"}, NOW)
    preview = parse_backup(text.encode("utf-8"), set(), NOW)
    assert preview.episodes == items and preview.check_ins == [check_in]
    assert preview.patterns == [pattern_from_dict(pattern)] and preview.settings == {"theme": "dark"}


def sample_csv(*rows: str) -> bytes:
    return ("\n".join([",".join(CSV_COLUMNS), *rows]) + "\n").encode("utf-8")


GOOD = "a1,2026-11-20T10:00:00+00:00,left calf; neck,4,30,twitch,caffeine; stress,after coffee"


def test_an_import_preview_counts_new_duplicate_and_rejected_rows():
    data = sample_csv(
        GOOD,
        "a2,2026-11-21T10:00:00+00:00,right thigh,3,,cramp,,",
        "a1,2026-11-20T10:00:00+00:00,left calf,4,30,twitch,,",  # the same id again
        "a3,21/11/2026,left calf,4,30,twitch,,",  # a bad date
        "a4,2026-11-21T10:00:00+00:00,left calf,eleven,30,twitch,,",
        "a5,2026-11-21T10:00:00+00:00,left calf,4",  # too few values
        "old,2026-11-01T10:00:00+00:00,neck,1,,twitch,,",
    )
    preview = parse_csv(data, existing_ids={"old"}, now=NOW)
    assert [e.id for e in preview.episodes] == ["a1", "a2"]
    assert preview.duplicates == 1
    reasons = dict(preview.rejected)
    assert "twice" in reasons[4] and "day-first or month-first" in reasons[5] and "0 to 10" in reasons[6] and "4 values" in reasons[7]
    assert preview.summary == "2 to add, 1 already in your log, 4 with problems."
    assert preview.needs_date_order
    assert preview.episodes[0].locations[0].label == "left calf" and preview.episodes[0].triggers == ("caffeine", "stress")


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "empty"),
        (b"when,where\n1,2\n", "needs the columns started_at and locations"),
        ("id,started_at\n".encode("utf-16"), "needs the columns started_at and locations .*; it has id, started_at"),
        (b"\xff\xfe\xfa", "says it is UTF-16 text but is not"),
        (b"\xe9t\xe9,x\n", "not UTF-8"),
        (b"PK\x03\x04\x14\x00\x06\x00", "not a text file"),
        (b"x" * (10 * 1024 * 1024 + 1), "larger than 10 MB"),
    ],
)
def test_a_file_that_cannot_be_used_at_all_says_why(data, message):
    with pytest.raises(ImportFileError, match=message):
        parse_csv(data, set(), NOW)


def test_huge_fields_are_rejected_row_by_row():
    preview = parse_csv(sample_csv(GOOD, "b1,2026-11-20T10:00:00+00:00,neck,4,30,twitch,," + "x" * 20_000), set(), NOW)
    assert [e.id for e in preview.episodes] == ["a1"] and "far too long" in preview.rejected[0][1]


@pytest.mark.parametrize(
    "document, message",
    [
        ("{", "not valid JSON"),
        ('{"format": "something-else"}', "not a BFS Companion backup"),
        ('{"format": "bfs-companion-backup", "version": 7}', "version 7"),
        ('{"format": "bfs-companion-backup", "version": 1, "episodes": {}}', "should be a list"),
    ],
)
def test_malformed_backups_are_refused_with_a_reason(document, message):
    with pytest.raises(ImportFileError, match=message):
        parse_backup(document.encode(), set(), NOW)


def test_a_backup_with_some_bad_entries_keeps_the_good_ones():
    good = validate_episode({"id": "g", "started_at": "2026-11-20T10:00:00+00:00", "locations": [{"region": "neck"}]}, NOW)
    document = json.loads(backup_to_json([good], [], [], {}, NOW))
    document["episodes"] += [{"id": "bad", "started_at": "2099-01-01T00:00:00+00:00", "locations": [{"region": "neck"}]}, 5]
    preview = parse_backup(json.dumps(document).encode(), set(), NOW)
    assert [e.id for e in preview.episodes] == ["g"]
    assert [n for n, _ in preview.rejected] == [2, 3] and "future" in preview.rejected[0][1]


# ---- hostile files: nothing but ImportFileError ever comes out, and nothing half-applies -----------

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20)
    | st.sampled_from([10**400, -(10**400), 1e308, "1e999", "", "NaN", "2026-11-20T10:00:00+00:00"]),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)
VALID_BACKUP = {
    "format": "bfs-companion-backup", "version": 1, "exported_at": "2026-11-23T22:00:00+00:00",
    "episodes": [{"id": "e1", "started_at": "2026-11-20T10:00:00+00:00", "locations": [{"region": "calf", "side": "left"}],
                  "intensity": 3, "duration_seconds": 30, "type": "twitch", "triggers": ["caffeine"], "note": "n"}],
    "check_ins": [{"day": "2026-11-20", "sleep_hours": 7, "caffeine_drinks": 2, "stress": 4, "exercise_minutes": 30}],
    "patterns": [{"id": "custom-1", "name": "Evening", "phases": [["inhale", 4], ["exhale", 8]]}],
    "settings": {"theme": "dark", "sound_cues": False},
}
PLACES = [
    (), ("episodes",), ("episodes", 0), ("episodes", 0, "id"), ("episodes", 0, "started_at"), ("episodes", 0, "locations"),
    ("episodes", 0, "locations", 0), ("episodes", 0, "locations", 0, "region"), ("episodes", 0, "locations", 0, "side"),
    ("episodes", 0, "intensity"), ("episodes", 0, "duration_seconds"), ("episodes", 0, "type"), ("episodes", 0, "triggers"),
    ("episodes", 0, "triggers", 0), ("episodes", 0, "note"), ("check_ins",), ("check_ins", 0), ("check_ins", 0, "day"),
    ("check_ins", 0, "sleep_hours"), ("check_ins", 0, "caffeine_drinks"), ("check_ins", 0, "stress"),
    ("check_ins", 0, "exercise_minutes"), ("patterns",), ("patterns", 0), ("patterns", 0, "id"), ("patterns", 0, "name"),
    ("patterns", 0, "phases"), ("patterns", 0, "phases", 0), ("patterns", 0, "phases", 0, 0), ("patterns", 0, "phases", 0, 1),
    ("settings",), ("settings", "theme"), ("format",), ("version",),
]


def _replaced(document, place, value):
    document = json.loads(json.dumps(document))
    if not place:
        return value
    target = document
    for step in place[:-1]:
        target = target[step]
    target[place[-1]] = value
    return document


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.sampled_from(PLACES), JSON_VALUES)
def test_any_value_anywhere_in_a_backup_is_read_or_refused_never_crashes(place, value):
    from pwa.core.settings import AppSettings

    data = json.dumps(_replaced(VALID_BACKUP, place, value), allow_nan=True).encode()
    try:
        preview = parse_backup(data, set(), NOW)
    except ImportFileError as error:
        assert str(error)
        return
    AppSettings.from_dict(preview.settings)  # what "restore settings" does with it
    for pattern in preview.patterns:
        assert pattern.phases  # validated breathing patterns only


@pytest.mark.parametrize(
    "text, message",
    [
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ('{"format": "bfs-companion-backup", "version": 1, "episodes": [' + "[" * 5000 + "]" * 5000 + "]}", "nested too deeply"),
        ('{"format": "bfs-companion-backup", "version": 1, "episodes": [{"intensity": 1' + "0" * 5000 + "}]}", "number"),
        ('{"format": "bfs-companion-backup", "version": true}', "version True"),
        ('{"format": "bfs-companion-backup", "version": 1.0}', "version 1.0"),
        ('{"format": "bfs-companion-backup", "version": 1, "settings": [1]}', "'settings' part"),
    ],
)
def test_hostile_backups_are_refused_with_a_reason(text, message):
    with pytest.raises(ImportFileError, match=message):
        parse_backup(text.encode(), set(), NOW)


@pytest.mark.parametrize(
    "field, value, reason",
    [
        ("intensity", 10**300, "0 to 10"),
        ("intensity", 1e308, "0 to 10"),
        ("duration_seconds", 10**300, ""),
        ("duration_seconds", -(10**300), ""),
        ("started_at", 10**300, "date and time"),
        ("locations", [[1, 2]], ""),
        ("triggers", [{"a": 1}], ""),
        ("note", {"text": "x"}, ""),
    ],
)
def test_an_entry_with_huge_numbers_or_wrong_types_is_one_rejected_row(field, value, reason):
    document = json.loads(json.dumps(VALID_BACKUP))
    document["episodes"].append({**document["episodes"][0], "id": "e2", field: value})
    preview = parse_backup(json.dumps(document).encode(), set(), NOW)
    assert [e.id for e in preview.episodes] == ["e1"]
    assert len(preview.rejected) == 1 and preview.rejected[0][0] == 2 and reason in preview.rejected[0][1]


@pytest.mark.parametrize(
    "pattern",
    [
        {"id": "p", "name": "Evening", "phases": 5},
        {"id": "p", "name": "Evening", "phases": [["inhale", 4, 9], ["exhale", 8]]},
        {"id": "p", "name": "Evening", "phases": [["inhale"], ["exhale", 8]]},
        {"id": "p", "name": "Evening", "phases": [[["inhale"], 4], ["exhale", 8]]},
        {"id": "p", "name": {"x": 1}, "phases": [["inhale", 4], ["exhale", 8]]},
        {"id": "p", "name": "Evening", "phases": [["inhale", 10**5000 if False else "9" * 5000], ["exhale", 8]]},
        {"name": "No id", "phases": [["inhale", 4], ["exhale", 8]]},
        {"id": ["p"], "name": "Evening", "phases": [["inhale", 4], ["exhale", 8]]},
        "a pattern",
    ],
)
def test_a_breathing_pattern_of_the_wrong_shape_is_a_rejected_item(pattern):
    document = json.loads(json.dumps(VALID_BACKUP))
    document["patterns"].append(pattern)
    preview = parse_backup(json.dumps(document).encode(), set(), NOW)
    assert [p.id for p in preview.patterns] == ["custom-1"]
    assert len(preview.rejected) == 1 and preview.rejected[0][1].startswith("breathing pattern 2:")


# ---- CSV that is safe in a spreadsheet and round-trips ------------------------------------------

FORMULA_STARTS = ["=", "+", "-", "@", "\t", "\r"]


def _episode(**fields):
    base = {"id": "x1", "started_at": "2026-11-20T10:00:00+00:00", "locations": [{"region": "calf", "side": "left"}]}
    return validate_episode({**base, **fields}, NOW)


@pytest.mark.parametrize("start", FORMULA_STARTS)
def test_every_cell_a_spreadsheet_would_run_is_neutralised_and_comes_back_unchanged(start):
    import csv
    import io

    item = _episode(
        id=f"{start}id",
        locations=[{"region": "other", "other_text": f"{start}HYPERLINK(\"http://x\")"}, {"region": "neck"}],
        triggers=[f"{start}cmd|' /C calc'!A0", "caffeine"],
        note=f"{start}1+1",
    )
    exported = episodes_to_csv([item])
    rows = list(csv.reader(io.StringIO(exported, newline="")))
    for cell in rows[1]:
        assert not cell.startswith(tuple(FORMULA_STARTS)), cell
    assert rows[1][0] == (f"'{start}id" if start.strip() else "id")  # ids are stored without surrounding blanks
    assert rows[1][7] == f"'{start}1+1"
    preview = parse_csv(exported.encode(), set(), NOW)
    assert preview.rejected == [] and preview.episodes == [item]


def test_a_text_that_starts_with_an_apostrophe_round_trips_too():
    item = _episode(note="'quoted", triggers=["'tis the season"])
    exported = episodes_to_csv([item])
    assert parse_csv(exported.encode(), set(), NOW).episodes == [item]


def test_safe_text_is_exported_as_it_is():
    item = _episode(note="after coffee = bad", triggers=["stress"])
    row = episodes_to_csv([item]).splitlines()[1]
    assert row.endswith(",stress,after coffee = bad")


def test_places_and_triggers_with_the_list_separator_survive_a_round_trip():
    item = _episode(
        locations=[{"region": "other", "other_text": "toe; big one"}, {"region": "other", "other_text": "back\\; slash\\"}],
        triggers=["coffee; lots", "a\\b", "stress"],
    )
    exported = episodes_to_csv([item])
    preview = parse_csv(exported.encode(), set(), NOW)
    assert preview.rejected == [] and preview.episodes == [item]


def test_a_hand_made_csv_with_plain_separators_still_reads():
    preview = parse_csv(sample_csv("h1,2026-11-20T10:00:00+00:00,left calf; neck; other: big toe,4,30,twitch,caffeine; stress,x"), set(), NOW)
    assert [loc.label for loc in preview.episodes[0].locations][:2] == ["left calf", "neck"]
    assert preview.episodes[0].triggers == ("caffeine", "stress")


@settings(max_examples=80, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=40),
    st.lists(st.text("=+-@'\t;\\ abc", min_size=1, max_size=12).filter(lambda t: t.strip() and " ".join(t.split()) == t), max_size=3, unique=True),
    st.text("=+-@'\t;\\ toe", min_size=1, max_size=20).filter(lambda t: t.strip() and " ".join(t.split()) == t),
)
def test_hostile_notes_triggers_and_places_round_trip_through_csv(note, triggers, place):
    item = _episode(note=note, triggers=triggers, locations=[{"region": "other", "other_text": place}])
    preview = parse_csv(episodes_to_csv([item]).encode(), set(), NOW)
    assert preview.rejected == [] and preview.episodes == [item]


# ---- exact limits and messages (make mutation) ----
import pwa.core.log_exchange as log_exchange  # noqa: E402

HEADER = ",".join(CSV_COLUMNS)


def csv_bytes(*rows: str) -> bytes:
    return ("\r\n".join([HEADER, *rows]) + "\r\n").encode()


def row(entry_id="a1", started="2026-11-23T21:00:00+00:00", places="left calf", intensity="3", duration="", kind="twitch", triggers="", note=""):
    return ",".join([entry_id, started, places, intensity, duration, kind, triggers, note])


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "The file is empty."),
        (b"\r\n", "The file needs the columns started_at and locations (the others are optional); it has none. The template in the import screen shows the format."),
        (b"id,when\r\n", "The file needs the columns started_at and locations (the others are optional); it has id, when. The template in the import screen shows the format."),
        (b"started_at,locations,Started At\r\n", "The column started_at appears more than once, so the file is not clear."),
        (b"\x00", "This is not a text file (it may be a spreadsheet like .xlsx, a picture or a PDF). In your spreadsheet, choose Save as, then 'CSV UTF-8', and import that file."),
        (b"\xfe\xff\xd8\x00", "The file says it is UTF-16 text but is not. Save it as 'CSV UTF-8' and try again."),
        ("caf\u00e9".encode("latin-1"), "The file is not UTF-8 text. Save it as 'CSV UTF-8' (or export it again from this app) and try again."),
    ],
)  # fmt: skip
def test_a_csv_that_cannot_be_used_says_exactly_why(data, message):
    with pytest.raises(ImportFileError) as error:
        parse_csv(data, set(), NOW)
    assert str(error.value) == message


def test_a_file_of_exactly_the_size_limit_is_read_and_one_byte_more_is_not(monkeypatch):
    data = csv_bytes(row())
    monkeypatch.setattr(log_exchange, "MAX_IMPORT_BYTES", len(data))
    assert len(parse_csv(data, set(), NOW).episodes) == 1
    monkeypatch.setattr(log_exchange, "MAX_IMPORT_BYTES", len(data) - 1)
    with pytest.raises(ImportFileError, match=r"^The file is larger than 0 MB, so it was not read\.$"):
        parse_csv(data, set(), NOW)


def test_a_field_of_10000_characters_is_read_and_10001_is_refused_without_stopping_the_file():
    limit = log_exchange.MAX_FIELD_CHARACTERS
    preview = parse_csv(
        csv_bytes(row("a1", note="n" * limit), row("a2", note="n" * (limit + 1)), row("a3")), set(), NOW
    )
    assert preview.rejected == [
        (2, "Keep the note to 2,000 characters (it has 10,000)."),  # read, then refused by the note's own limit
        (3, "a value is far too long"),
    ]
    assert [e.id for e in preview.episodes] == ["a3"]


def test_rows_are_numbered_as_in_a_spreadsheet_and_bad_rows_in_the_middle_do_not_stop_the_rest():
    data = csv_bytes(
        row("a1"),
        "",  # a blank line is skipped
        "a2,too,few",
        row("", places="neck"),
        row("a1", places="neck"),
        row("a4", places="left"),
        row("a5", places="Left Calf; right THIGH; other:  big toe ; Neck", triggers="Caffeine; poor  sleep", duration=" 90 "),
        row("a6", intensity="11"),
        row("a7"),
    )
    preview = parse_csv(data, {"a7"}, NOW)
    assert preview.rejected == [
        (4, "has 3 values but the first row names 8 columns"),
        (6, "the same id appears twice in the file"),
        (7, "'left' is not one of the body regions."),
        (9, "Intensity is a whole number from 0 to 10."),
    ]
    assert preview.duplicates == 1
    assert [e.id for e in preview.episodes][0::2] == ["a1", "a5"]
    assert len(preview.episodes[1].id) == 32 and preview.episodes[1].locations[0].region == "neck"  # no id: one is made
    several = preview.episodes[2]
    assert [(l.region, l.side, l.other_text) for l in several.locations] == [
        ("calf", "left", None), ("thigh", "right", None), ("other", None, "big toe"), ("neck", None, None),
    ]  # fmt: skip
    assert several.triggers == ("caffeine", "poor sleep") and several.duration_seconds == 90
    assert preview.summary == "3 to add, 1 already in your log, 4 with problems."


def test_several_duplicates_are_all_counted():
    preview = parse_csv(csv_bytes(row("a1"), row("a2"), row("a3")), {"a1", "a2"}, NOW)
    assert preview.duplicates == 2 and preview.summary == "1 to add, 2 already in your log."


def test_the_import_uses_the_time_it_is_given_for_the_future_rule():
    later = row("a1", started="2026-11-23T22:01:00+00:00")
    assert parse_csv(csv_bytes(later), set(), NOW).episodes  # within a minute of now
    assert parse_csv(csv_bytes(later), set(), NOW - dt.timedelta(minutes=5)).rejected == [
        (2, "The start time is in the future. Use a time up to now.")
    ]


def test_the_csv_uses_windows_line_ends_and_a_doubled_apostrophe_is_kept():
    episode = validate_episode({"id": "x", "started_at": NOW, "locations": [{"region": "neck"}], "note": "''quoted"}, None)
    text = episodes_to_csv([episode])
    assert text.count("\r\n") == 2 and text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    assert ",'''quoted" in text
    assert parse_csv(text.encode(), set(), NOW).episodes[0].note == "''quoted"


def test_the_backup_is_readable_json_with_every_part_named():
    episode = validate_episode({"id": "x", "started_at": NOW, "locations": [{"region": "neck"}], "note": "caf\u00e9"}, None)
    text = backup_to_json([episode], [], [], {"theme": "dark"}, NOW)
    assert "caf\u00e9" in text  # not escaped
    assert text.startswith('{\n "format": "bfs-companion-backup",\n "version": 1,\n "exported_at": "2026-11-23T22:00:00+00:00",')
    assert list(json.loads(text)) == ["format", "version", "exported_at", "episodes", "check_ins", "patterns", "settings"]


@pytest.mark.parametrize(
    "text, message",
    [
        ("[" * 100_000, "The file is nested too deeply to be a backup from this app."),
        ('{"format": ' + "9" * 5000 + "}", "The file holds a number too long to read, so it is not a backup from this app."),
        ('{"format": "other"}', "This is not a BFS Companion backup file."),
        ('{"format": "bfs-companion-backup", "version": 1, "settings": []}', "The 'settings' part of the backup should be an object."),
    ],
)
def test_a_backup_that_cannot_be_used_says_exactly_why(text, message):
    with pytest.raises(ImportFileError) as error:
        parse_backup(text.encode(), set(), NOW)
    assert str(error.value) == message


def test_rejected_backup_items_are_numbered_from_one_in_each_part_and_the_rest_is_read():
    good = validate_episode({"id": "g", "started_at": NOW, "locations": [{"region": "neck"}]}, None).to_dict()
    document = {
        "format": "bfs-companion-backup", "version": 1,
        "episodes": ["not an entry", good],
        "check_ins": [{"day": "2026-11-23", "stress": 11}, "x", {"day": "2026-11-22", "stress": 10**400}, {"day": "2026-11-21"}],
        "patterns": [{"id": "p", "name": "P", "phases": [["inhale", 4]]}, {"id": "q", "name": "Q", "phases": [["inhale", 4], ["exhale", 4]]}],
    }  # fmt: skip
    preview = parse_backup(json.dumps(document).encode(), set(), NOW)
    assert preview.rejected == [
        (1, "an entry is not an object"),
        (1, "check-in: Stress is a whole number from 0 to 10."),
        (2, "check-in: Use a date like 2026-11-23."),
        (3, "check-in: a value has the wrong type or size"),
        (1, "breathing pattern 1: Include a breath out of at least a moment."),
    ]
    assert [e.id for e in preview.episodes] == ["g"]
    assert [c.day for c in preview.check_ins] == [dt.date(2026, 11, 21)]
    assert [p.id for p in preview.patterns] == ["q"] and preview.settings is None


def test_an_entry_whose_value_cannot_even_be_converted_is_one_rejected_item():
    document = {"format": "bfs-companion-backup", "version": 1, "episodes": [
        {"id": "big", "started_at": "2026-11-23T21:00:00+00:00", "locations": [{"region": "neck"}], "intensity": 10**400},
    ]}  # fmt: skip
    preview = parse_backup(json.dumps(document).encode(), set(), NOW)
    assert preview.rejected == [(1, "a value has the wrong type or size")]


def test_more_edges_of_a_hand_made_csv():
    preview = parse_csv(csv_bytes(row("a1", places="other:big toe"), row("a2", intensity="12", kind="spasm")), set(), NOW)
    assert preview.episodes[0].locations[0].other_text == "big toe"
    assert preview.rejected == [(3, "Intensity is a whole number from 0 to 10. Type is twitch, cramp, tingling or other.")]


def test_a_field_beyond_what_the_csv_reader_takes_refuses_the_file_with_the_reason():
    with pytest.raises(ImportFileError) as error:
        parse_csv(csv_bytes(row(note="n" * (4 * log_exchange.MAX_FIELD_CHARACTERS + 1))), set(), NOW)
    assert str(error.value) == "The file is not valid CSV (field larger than field limit (40000))."


def test_a_backup_entry_whose_id_is_not_text_has_no_id_and_check_in_problems_are_all_given():
    document = {"format": "bfs-companion-backup", "version": 1,
                "episodes": [{"id": 5, "started_at": "2026-11-23T21:00:00+00:00", "locations": [{"region": "neck"}]}],
                "check_ins": [{"day": "2026-11-23", "sleep_hours": 25, "stress": 11}]}  # fmt: skip
    preview = parse_backup(json.dumps(document).encode(), set(), NOW)
    assert preview.rejected == [
        (1, "the id is missing"),
        (1, "check-in: Sleep is from 0 to 24 hours. Stress is a whole number from 0 to 10."),
    ]
