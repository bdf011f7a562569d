"""User preferences as a plain value object, tolerant of stored data from other versions."""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum
from typing import Any, Mapping


class ThemeChoice(str, Enum):
    """Which colour scheme the user wants; SYSTEM follows the device."""

    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


@dataclass(frozen=True)
class AppSettings:
    theme: ThemeChoice = ThemeChoice.SYSTEM
    last_chapter_id: str | None = None  # where the reader left off in the guide

    def with_theme(self, theme: ThemeChoice) -> AppSettings:
        return replace(self, theme=theme)

    def with_last_chapter(self, chapter_id: str) -> AppSettings:
        return replace(self, last_chapter_id=chapter_id)

    def to_dict(self) -> dict[str, Any]:
        return {"theme": self.theme.value, "last_chapter_id": self.last_chapter_id}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> AppSettings:
        """Build settings from stored data; unknown or missing values fall back to defaults."""
        data = data or {}
        try:
            theme = ThemeChoice(data.get("theme", ThemeChoice.SYSTEM.value))
        except ValueError:
            theme = ThemeChoice.SYSTEM
        last_chapter = data.get("last_chapter_id")
        return cls(theme=theme, last_chapter_id=last_chapter if isinstance(last_chapter, str) else None)
