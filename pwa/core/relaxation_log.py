"""A short history of relaxation sessions: when, which exercise, how long. No streaks, no scores."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Mapping

MINIMUM_SECONDS = 20  # shorter sessions were probably opened by mistake and are not kept
HISTORY_SHOWN = 7


@dataclass(frozen=True)
class SessionRecord:
    started_at: dt.datetime
    exercise: str  # what the user saw, e.g. "Box breathing" or "Muscle relaxation, 7 groups"
    seconds: float

    @property
    def minutes_text(self) -> str:
        minutes = round(self.seconds / 60)
        return "under a minute" if minutes < 1 else f"{minutes} min"

    def to_dict(self) -> dict[str, Any]:
        return {"started_at": self.started_at.isoformat(), "exercise": self.exercise, "seconds": round(self.seconds, 1)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SessionRecord | None:
        """None for a record that cannot be read (it is skipped, never rewritten)."""
        try:
            return cls(dt.datetime.fromisoformat(data["started_at"]), str(data["exercise"]), float(data["seconds"]))
        except (KeyError, TypeError, ValueError):
            return None


def worth_keeping(seconds: float) -> bool:
    return seconds >= MINIMUM_SECONDS


def recent(records: list[SessionRecord], limit: int = HISTORY_SHOWN) -> list[SessionRecord]:
    return sorted(records, key=lambda r: r.started_at, reverse=True)[:limit]
