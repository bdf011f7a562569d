"""Importing the CSV files people have: optional columns, plain words, their dates, no guessing."""

import datetime as dt

import pytest

from pwa.core.episodes import EpisodeType, Location
from pwa.core.log_exchange import (
    CSV_COLUMNS,
    DateOrder,
    ImportFileError,
    csv_template,
    entry_key,
    episodes_to_csv,
    parse_csv,
    parse_start,
)
from tests.factories import make_episode

UTC = dt.timezone.utc
PLUS_ONE = dt.timezone(dt.timedelta(hours=1))
NOW = dt.datetime(2026, 11, 23, 22, 0, tzinfo=UTC)


def read(text: str, **options):
    options.setdefault("zone", UTC)
    return parse_csv(text.encode("utf-8"), set(), NOW, **options)


def test_only_the_start_and_the_places_are_needed_in_any_order_and_other_columns_are_listed():
    preview = read("Locations,Mood,Started At,\r\nneck,fine,2026-11-23 21:30,\r\n")
    (episode,) = preview.episodes
    assert episode.started_at == dt.datetime(2026, 11, 23, 21, 30, tzinfo=UTC)
    assert episode.locations == (Location("neck"),) and episode.type is EpisodeType.TWITCH
    assert (episode.intensity, episode.duration_seconds, episode.triggers, episode.note) == (None, None, (), "")
    assert len(episode.id) == 32
    assert preview.ignored_columns == ["Mood"]  # a column without a name is not worth a word and preview.rejected == []


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_commas_semicolons_and_tabs_between_cells_are_all_read(delimiter):
    text = delimiter.join(["started_at", "locations", "type"]) + "\n" + delimiter.join(["2026-11-23 21:30", '"left calf; neck"', "Cramp"]) + "\n"
    (episode,) = read(text).episodes
    assert episode.locations == (Location("calf", "left"), Location("neck")) and episode.type is EpisodeType.CRAMP


@pytest.mark.parametrize(
    "written, place",
    [
        ("Left Calf", Location("calf", "left")), ("calf (left)", Location("calf", "left")), ("CALF(Right)", Location("calf", "right")),
        ("calf left", Location("calf", "left")), ("upper arm, right", Location("upper arm", "right")),
        ("right  upper   arm", Location("upper arm", "right")), ("Tongue", Location("tongue")), ("many places", Location("all over")),
        ("All over", Location("all over")), ("other: left big toe", Location("other", None, "left big toe")),
    ],
)  # fmt: skip
def test_places_in_plain_words_any_case(written, place):
    (episode,) = read(f'started_at,locations\n2026-11-23 21:30,"{written}"\n').episodes
    assert episode.locations == (place,)


@pytest.mark.parametrize("kind", ["twitch", "Twitch", " TWITCH ", ""])
def test_types_are_read_in_any_case_and_an_empty_one_is_a_twitch(kind):
    (episode,) = read(f"started_at,locations,type\n2026-11-23 21:30,neck,{kind}\n").episodes
    assert episode.type is EpisodeType.TWITCH


@pytest.mark.parametrize(
    "written, moment",
    [
        ("2026-11-23T21:30:00+01:00", dt.datetime(2026, 11, 23, 21, 30, tzinfo=PLUS_ONE)),
        ("2026-11-23T21:30+01:00", dt.datetime(2026, 11, 23, 21, 30, tzinfo=PLUS_ONE)),
        ("2026-11-23T21:30Z", dt.datetime(2026, 11, 23, 21, 30, tzinfo=UTC)),
        ("2026-11-23 21:30", dt.datetime(2026, 11, 23, 21, 30, tzinfo=UTC)),
        ("2026-11-23 21:30:15", dt.datetime(2026, 11, 23, 21, 30, 15, tzinfo=UTC)),
        (" 2026-11-23T09:05 ", dt.datetime(2026, 11, 23, 9, 5, tzinfo=UTC)),
    ],
)
def test_iso_dates_with_or_without_seconds_or_zone(written, moment):
    assert parse_start(written, None, UTC) == moment
    assert parse_start(written, DateOrder.DAY_FIRST, UTC) == moment  # an order changes nothing for ISO dates


def test_a_time_without_a_zone_is_in_the_devices_zone_when_none_is_given():
    assert parse_start("2026-11-23 21:30", None, None) == dt.datetime(2026, 11, 23, 21, 30).astimezone()


@pytest.mark.parametrize(
    "written, order, moment",
    [
        ("03/04/2026 10:00", DateOrder.DAY_FIRST, dt.datetime(2026, 4, 3, 10, 0, tzinfo=UTC)),
        ("03/04/2026 10:00", DateOrder.MONTH_FIRST, dt.datetime(2026, 3, 4, 10, 0, tzinfo=UTC)),
        ("23.11.2026 21:30:05", DateOrder.DAY_FIRST, dt.datetime(2026, 11, 23, 21, 30, 5, tzinfo=UTC)),
        ("11/23/2026, 9:05", DateOrder.MONTH_FIRST, dt.datetime(2026, 11, 23, 9, 5, tzinfo=UTC)),
        ("1/2/2026 0:00", DateOrder.DAY_FIRST, dt.datetime(2026, 2, 1, 0, 0, tzinfo=UTC)),
    ],
)
def test_day_first_or_month_first_dates_are_read_the_way_the_person_chose(written, order, moment):
    assert parse_start(written, order, UTC) == moment


@pytest.mark.parametrize(
    "written, order, reason",
    [
        ("03/04/2026 10:00", None, "03/04/2026 10:00 could be day-first or month-first: choose which your file uses, above."),
        ("23/11/2026 10:00", None, "23/11/2026 10:00 could be day-first or month-first: choose which your file uses, above."),
        ("23/11/2026 10:00", DateOrder.MONTH_FIRST, "23/11/2026 10:00 is not a date when read as month/day/year."),
        ("11/23/2026 10:00", DateOrder.DAY_FIRST, "11/23/2026 10:00 is not a date when read as day/month/year."),
        ("23/11/2026", DateOrder.DAY_FIRST, "23/11/2026 has a date but no time."),
        ("2026-11-23", None, "2026-11-23 has a date but no time."),
        ("yesterday evening", None, "yesterday evening is not a date and time like 2026-11-23 21:30."),
        ("", None, "The start time is missing."),
        ("2026-11-23 25:00", None, "2026-11-23 25:00 is not a date and time like 2026-11-23 21:30."),
    ],
)
def test_a_date_that_cannot_be_read_surely_is_refused_with_a_plain_reason(written, order, reason):
    with pytest.raises(ValueError) as error:
        parse_start(written, order, UTC)
    assert str(error.value) == reason


def test_slashed_dates_wait_for_the_persons_choice_and_are_never_guessed():
    text = "started_at,locations\n23/11/2026 21:00,neck\n2026-11-23 20:00,jaw\n"
    preview = read(text)
    assert preview.needs_date_order and [e.locations[0].region for e in preview.episodes] == ["jaw"]
    assert preview.rejected == [(2, "23/11/2026 21:00 could be day-first or month-first: choose which your file uses, above.")]
    chosen = read(text, date_order=DateOrder.DAY_FIRST)
    assert not chosen.needs_date_order and len(chosen.episodes) == 2 and chosen.rejected == []
    assert not read("started_at,locations\n2026-11-23 20:00,jaw\n").needs_date_order


def test_without_ids_an_entry_already_in_the_log_is_found_by_its_time_places_and_kind():
    kept = make_episode("2026-11-23T21:30:00+00:00", locations=[{"region": "neck"}, {"region": "calf", "side": "left"}])
    asked = []

    def existing():
        asked.append(1)
        return {entry_key(kept)}

    text = (
        "started_at,locations,type\n"
        "2026-11-23T22:30+01:00,left calf; neck,twitch\n"  # the same moment and places, written differently
        "2026-11-23 21:30,neck; left calf,cramp\n"  # another kind: a new entry
        "2026-11-23 21:31,neck; left calf,twitch\n"
        "2026-11-23 21:31,Neck; Left Calf,Twitch\n"  # the same as the row above it
    )
    preview = parse_csv(text.encode(), set(), NOW, existing_keys=existing, zone=UTC)
    assert preview.duplicates == 1 and asked == [1]  # the log's entries are read once, and only when needed
    assert [(e.type, e.started_at.minute) for e in preview.episodes] == [(EpisodeType.CRAMP, 30), (EpisodeType.TWITCH, 31)]
    assert preview.rejected == [(5, "the same time, place and kind as row 4")]
    assert preview.summary == "2 to add, 1 already in your log, 1 with problems."


def test_the_log_is_not_read_when_every_row_has_an_id():
    def existing():
        raise AssertionError("not needed")

    preview = parse_csv(episodes_to_csv([make_episode("2026-11-23T21:30:00+00:00", id="x1")]).encode(), set(), NOW, existing_keys=existing)
    assert [e.id for e in preview.episodes] == ["x1"]


def test_a_file_with_no_usable_row_adds_nothing():
    preview = read("started_at,locations\n2026-11-23,neck\nsoon,calf\n")
    assert preview.episodes == [] and len(preview.rejected) == 2 and preview.summary == "0 to add, 2 with problems."


def test_the_template_is_the_exports_header_and_imports_as_nothing():
    template = csv_template()
    assert template == ",".join(CSV_COLUMNS) + "\r\n" == episodes_to_csv([])
    preview = read(template)
    assert (preview.episodes, preview.rejected, preview.ignored_columns) == ([], [], [])


def test_a_utf16_file_from_a_spreadsheet_is_read():
    text = "started_at\tlocations\tnote\r\n2026-11-23 21:30\tneck\tcafé ☕\r\n"
    (episode,) = parse_csv(text.encode("utf-16"), set(), NOW, zone=UTC).episodes
    assert episode.note == "café ☕"


def test_a_row_longer_than_the_header_is_refused_but_empty_trailing_cells_are_fine():
    preview = read("started_at,locations\n2026-11-23 21:30,neck,,\n2026-11-23 21:31,neck,extra\n2026-11-23 21:32\n")
    assert len(preview.episodes) == 1
    assert preview.rejected == [(3, "has 3 values but the first row names 2 columns"), (4, "has 1 value but the first row names 2 columns")]


def test_a_nul_in_a_note_round_trips_but_a_binary_header_is_refused():
    episode = make_episode("2026-11-23T21:30:00+00:00", note="a\x00b", id="n1")
    assert parse_csv(episodes_to_csv([episode]).encode(), set(), NOW).episodes == [episode]
    with pytest.raises(ImportFileError, match="^This is not a text file"):
        parse_csv(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", set(), NOW)


# ---- each rule at its edge (make mutation) ----
def test_a_time_without_a_zone_takes_the_zone_given_and_a_file_uses_it():
    assert parse_start("2026-11-23 21:30", None, PLUS_ONE) == dt.datetime(2026, 11, 23, 21, 30, tzinfo=PLUS_ONE)
    (episode,) = parse_csv(b"started_at,locations\n2026-11-23 21:30,neck\n", set(), NOW, zone=PLUS_ONE).episodes
    assert episode.started_at == dt.datetime(2026, 11, 23, 21, 30, tzinfo=PLUS_ONE)


def test_hyphens_and_spaces_in_column_names_read_as_underscores():
    (episode,) = read("Started-At,LOCATIONS,Duration Seconds\n2026-11-23 21:30,neck,45\n").episodes
    assert episode.duration_seconds == 45


def test_a_header_that_fits_no_delimiter_better_is_read_with_commas():
    with pytest.raises(ImportFileError) as error:
        read("started_at,locations;note\n")
    assert str(error.value).startswith("The file needs the columns started_at and locations (the others are optional); it has started_at, locations;note.")


def test_line_ends_inside_a_note_come_back_as_written():
    episode = make_episode("2026-11-23T21:30:00+00:00", note="first\r\nsecond\rthird\nfourth", id="n1")
    assert parse_csv(episodes_to_csv([episode]).encode(), set(), NOW).episodes == [episode]


def test_every_doubled_column_is_named():
    with pytest.raises(ImportFileError) as error:
        read("started_at,locations,Started At,LOCATIONS,note\n")
    assert str(error.value) == "The columns locations, started_at appear more than once, so the file is not clear."


def test_rows_without_an_id_are_checked_like_any_entry_and_each_problem_named():
    text = (
        "id,started_at,locations,intensity\n"
        "   ,2026-11-23 21:00,neck,\n"  # an id of spaces is no id: one is made
        ",2026-11-23 23:30,neck,\n"  # ninety minutes after now
        ",2026-11-23 21:05,neck,11\n"
        ",2026-11-23 21:06,jaw,4\n"  # after rejected rows, the rest are still read
        ",2026-11-23 22:50,neck,\n"
        ",soon,neck,\n"
    )
    preview = read(text)
    assert [(e.started_at.minute, e.intensity) for e in preview.episodes] == [(0, None), (6, 4)]
    assert len(preview.episodes[0].id) == 32
    assert preview.rejected == [
        (3, "The start time is in the future. Use a time up to now."),
        (4, "Intensity is a whole number from 0 to 10."),
        (6, "The start time is in the future. Use a time up to now."),
        (7, "soon is not a date and time like 2026-11-23 21:30."),
    ]


def test_each_entry_already_in_the_log_is_counted():
    kept = [make_episode(f"2026-11-23T2{n}:00:00+00:00", locations=[{"region": "neck"}]) for n in range(3)]
    text = "started_at,locations\n" + "".join(f"2026-11-23 2{n}:00,neck\n" for n in range(3))
    preview = parse_csv(text.encode(), set(), NOW, existing_keys=lambda: {entry_key(e) for e in kept}, zone=UTC)
    assert preview.duplicates == 3 and preview.episodes == []


def test_a_row_without_an_id_names_each_of_its_problems():
    preview = read("started_at,locations,intensity,type\n2026-11-23 21:00,neck,12,spasm\n")
    assert preview.rejected == [(2, "Intensity is a whole number from 0 to 10. Type is twitch, cramp, tingling or other.")]


def test_an_empty_file_and_a_header_alone():
    with pytest.raises(ImportFileError, match="^The file is empty.$"):
        read("")
    assert read("started_at,locations").episodes == []
