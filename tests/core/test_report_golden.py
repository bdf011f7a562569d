"""The whole doctor report for one rich, fixed log, compared with a reviewed copy.

Every word, number, chart bar and limit of the report shows in this file, so any change to what
the doctor reads fails here first; look at the diff, and if the change is meant, write the new
copy with `UPDATE_GOLDEN=1 python -m pytest tests/core/test_report_golden.py` and review it.
The log is built to sit on every edge: entries on the first and last day of the period and one
day outside each, in a time zone where UTC midnight is another day, more than eight places,
check-ins and sessions at both ends, enough days for the insights to speak.
"""

import datetime as dt
import os
from pathlib import Path

from pwa.core.episodes import DayCheckIn, validate_episode
from pwa.core.relaxation_log import SessionRecord
from pwa.core.report import build_report, report_html

GOLDEN = Path(__file__).with_name("golden")
ZONE = dt.timezone(dt.timedelta(hours=-5))
START, END = dt.date(2026, 10, 1), dt.date(2026, 10, 31)
MADE = dt.datetime(2026, 11, 2, 9, 30, tzinfo=ZONE)
PLACES = [
    {"region": "calf", "side": "left"}, {"region": "calf", "side": "right"}, {"region": "thigh", "side": "left"},
    {"region": "eyelid", "side": "right"}, {"region": "foot", "side": "left"}, {"region": "hand", "side": "right"},
    {"region": "upper arm", "side": "left"}, {"region": "back"}, {"region": "belly"}, {"region": "neck"},
    {"region": "other", "other_text": "left big toe"},
]  # fmt: skip


def at(day: int, hour: int = 9, month: int = 10) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, tzinfo=ZONE)


def rich_log():
    entries = [
        # outside the period on both sides, by local date (UTC would put them inside)
        validate_episode({"started_at": at(30, 21, month=9), "locations": [PLACES[0]]}, None),
        validate_episode({"started_at": at(1, 20, month=11), "locations": [PLACES[0]]}, None),
        # on the first and the last day
        validate_episode({"started_at": at(1, 0), "locations": [PLACES[0]], "triggers": ["poor sleep"]}, None),
        validate_episode({"started_at": at(31, 23), "locations": [PLACES[1]], "duration_seconds": 45}, None),
        validate_episode({"started_at": at(15, 7), "locations": [PLACES[3], PLACES[7], PLACES[10]], "note": "several places"}, None),
    ]
    for day in range(2, 31):
        place = PLACES[day % len(PLACES)]
        busy = day % 3 == 0
        entries += [
            validate_episode(
                {
                    "started_at": at(day, 8 + n),
                    "locations": [place],
                    "intensity": (day + n) % 11,
                    "duration_seconds": [None, 30, 120, 3600][(day + n) % 4],
                    "type": ["twitch", "twitch", "cramp", "tingling", "other"][(day + n) % 5],
                    "triggers": [["caffeine"], ["stress", "poor sleep"], [], ["exercise"], ["new medicine"]][(day + n) % 5],
                    "note": ["", "felt weak after the stairs", "a little numb", "took a magnesium supplement", "sore & <tired>"][(day + n) % 5],
                },
                None,
            )
            for n in range(3 if busy else 1)
        ]
    check_ins = [
        DayCheckIn(dt.date(2026, 9, 30), sleep_hours=3.0, stress=10),  # outside
        DayCheckIn(START, sleep_hours=5.0, caffeine_drinks=4, stress=7, exercise_minutes=0),
        *(
            DayCheckIn(dt.date(2026, 10, d), sleep_hours=5.5 if d % 3 == 0 else 8.0, caffeine_drinks=d % 4,
                       stress=7 if d % 3 == 0 else 2, exercise_minutes=30 if d % 2 else 0)
            for d in range(2, 31)
        ),
        DayCheckIn(END, sleep_hours=9.0, exercise_minutes=45),
        DayCheckIn(dt.date(2026, 11, 1), sleep_hours=1.0),  # outside
    ]  # fmt: skip
    sessions = [
        SessionRecord(at(30, 22, month=9), "Box breathing", 600),  # outside
        SessionRecord(at(1, 0), "Cyclic sigh", 300),
        *(SessionRecord(at(d, 21), "Slow resonance breathing", 330) for d in range(4, 31, 4)),
        SessionRecord(at(31, 23), "Muscle relaxation, 7 groups", 900),
    ]
    return entries, check_ins, sessions


def test_the_report_for_a_rich_log_reads_exactly_as_reviewed():
    entries, check_ins, sessions = rich_log()
    report = build_report(entries, check_ins, sessions, START, END, MADE, ZONE)
    answers = "\n\n".join(f"{a.question}\n{'logged' if a.logged else 'not logged'}: {a.answer}" for a in report.answers)
    page = report_html(report)
    outputs = {"report-answers.txt": answers + "\n", "report.html": page}
    if os.environ.get("UPDATE_GOLDEN"):
        for name, text in outputs.items():
            (GOLDEN / name).write_text(text, encoding="utf-8")
    for name, text in outputs.items():
        assert text == (GOLDEN / name).read_text(encoding="utf-8"), f"{name} differs from the reviewed copy"
    assert report.file_name == "bfs-companion-report-2026-10-01-to-2026-10-31.html"
    assert [e.started_at for e in report.episodes][0] == at(1, 0) and report.episodes[-1].started_at == at(31, 23)
    assert len(report.bars) == 31 and report.check_ins[0].day == START and report.check_ins[-1].day == END


def test_the_rich_report_says_each_sentence_once():
    from tests.core.test_report import _sentences

    page = (GOLDEN / "report.html").read_text(encoding="utf-8")
    sentences = _sentences(page)
    assert len(sentences) > 30 and {s for s in sentences if sentences.count(s) > 1} == set()
