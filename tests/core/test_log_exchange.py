"""Export and import: exact round trips, and bad files that change nothing and say why."""

import datetime as dt
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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
            "intensity": draw(st.integers(0, 10)),
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
    assert preview.patterns == [pattern] and preview.settings == {"theme": "dark"}


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
    assert "twice" in reasons[4] and "date and time" in reasons[5] and "0 to 10" in reasons[6] and "4 values" in reasons[7]
    assert preview.summary == "2 new entries, 1 already in your log (skipped), 4 could not be used."
    assert preview.episodes[0].locations[0].label == "left calf" and preview.episodes[0].triggers == ("caffeine", "stress")


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "empty"),
        (b"when,where\n1,2\n", "The columns should be"),
        ("id,started_at\n".encode("utf-16"), "not UTF-8"),
        (b"\xff\xfe\xfa", "not UTF-8"),
        (b"x" * (20 * 1024 * 1024 + 1), "larger than 20 MB"),
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
