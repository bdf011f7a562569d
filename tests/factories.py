"""The one way tests make log entries, and the moments they share.

`make_episode` builds a real, validated entry (so a test can never hold one the app would refuse)
from only what the test cares about; `log_episode` also saves it in a repository. Every test
module's own helper (`entry`, `add`, `episode`) is a thin wrapper that only maps its arguments.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pwa.core.episodes import Episode, validate_episode

UTC = dt.timezone.utc
NOW_UTC = dt.datetime(2026, 11, 23, 21, 30, tzinfo=UTC)
NOW_LOCAL = dt.datetime(2026, 11, 23, 21, 30).astimezone()  # the machine's own zone, as the app uses
CALF = {"region": "calf", "side": "left"}


def make_episode(
    started_at: dt.datetime | str | None = None,
    *,
    region: str = "calf",
    side: str | None = "left",
    now: dt.datetime | None = None,
    **fields: Any,
) -> Episode:
    """A validated entry: the left calf at intensity 3 unless told otherwise.

    With `now`, it is checked as the form checks a new entry (no future times; a missing start
    is `now`); without, as a stored entry (a start time is required).
    """
    raw: dict[str, Any] = {"intensity": 3, **fields}
    raw.setdefault("locations", [{"region": region, **({"side": side} if side else {})}])
    if started_at is not None:
        raw["started_at"] = started_at
    return validate_episode(raw, now)


def log_episode(repository, started_at=None, **fields: Any) -> Episode:
    """`make_episode`, saved in an episode repository (checked against NOW_LOCAL unless `now` is given)."""
    fields.setdefault("now", NOW_LOCAL)
    episode = make_episode(started_at, **fields)
    repository.save(episode)
    return episode

# A note in each script the bundled fonts must draw (pwa/adapters/script_fonts.py), with the words
# people use about twitching.
NOTES_IN_EVERY_SCRIPT = {
    "Chinese": "小腿肌肉抽搐，喝咖啡以后更明显",
    "Japanese": "まぶたの痙攣が続いて不安です",
    "Korean": "종아리 근육 경련이 있어요",
    "Arabic": "رعشة في عضلة الساق",
    "Hebrew": "רעד בשריר השוק",
    "Thai": "กล้ามเนื้อกระตุก",
    "Greek": "Σύσπαση στη γάμπα, ἀνησυχία",
    "Cyrillic": "Подёргивание мышц, ґ є ї",
    "Latin": "Fasciculações à noite, ść ő ř",
    "Emoji": "😟 👍 ❤️ 🙏",
}
