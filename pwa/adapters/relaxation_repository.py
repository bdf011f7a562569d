"""Stores user-made breathing patterns and the relaxation session history in the user's database."""

from __future__ import annotations

from typing import Protocol

from tinydb import TinyDB, where

from pwa.core.breathing import BreathingPattern, PatternError, pattern_from_dict
from pwa.core.relaxation_log import SessionRecord


class RelaxationRepository(Protocol):
    def patterns(self) -> tuple[BreathingPattern, ...]: ...

    def save_pattern(self, pattern: BreathingPattern) -> None: ...

    def delete_pattern(self, pattern_id: str) -> None: ...

    def add_patterns(self, patterns: list[BreathingPattern]) -> None:
        """New patterns in one write (an import)."""

    def delete_patterns(self, pattern_ids: list[str]) -> None:
        """Several patterns in one write (taking an import back)."""

    def add_session(self, record: SessionRecord) -> None: ...

    def sessions(self) -> list[SessionRecord]: ...


class TinyDBRelaxationRepository:
    def __init__(self, db: TinyDB) -> None:
        self._patterns = db.table("breathing_patterns")
        self._sessions = db.table("relaxation_sessions")

    def patterns(self) -> tuple[BreathingPattern, ...]:
        found = []
        for document in self._patterns.all():
            try:
                found.append(pattern_from_dict(document))
            except PatternError:
                continue  # a damaged entry is skipped, and left as it is (pattern_from_dict raises nothing else)
        return tuple(sorted(found, key=lambda p: p.name.lower()))

    def save_pattern(self, pattern: BreathingPattern) -> None:
        self._patterns.upsert(pattern.to_dict(), where("id") == pattern.id)

    def delete_pattern(self, pattern_id: str) -> None:
        self._patterns.remove(where("id") == pattern_id)

    def add_patterns(self, patterns: list[BreathingPattern]) -> None:
        if patterns:
            self._patterns.insert_multiple(p.to_dict() for p in patterns)

    def delete_patterns(self, pattern_ids: list[str]) -> None:
        if pattern_ids:
            self._patterns.remove(where("id").one_of(list(pattern_ids)))

    def add_session(self, record: SessionRecord) -> None:
        self._sessions.insert(record.to_dict())

    def sessions(self) -> list[SessionRecord]:
        return [r for d in self._sessions.all() if (r := SessionRecord.from_dict(d)) is not None]
