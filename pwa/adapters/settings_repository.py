"""Persists AppSettings in the user's database."""

from __future__ import annotations

from typing import Protocol

from tinydb import TinyDB
from tinydb.table import Document

from pwa.core.settings import AppSettings

_SETTINGS_TABLE = "settings"
_DOC_ID = 1


class SettingsRepository(Protocol):
    def load(self) -> AppSettings: ...

    def save(self, settings: AppSettings) -> None: ...


class TinyDBSettingsRepository:
    def __init__(self, db: TinyDB) -> None:
        self._table = db.table(_SETTINGS_TABLE)

    def load(self) -> AppSettings:
        return AppSettings.from_dict(self._table.get(doc_id=_DOC_ID))

    def save(self, settings: AppSettings) -> None:
        self._table.upsert(Document(settings.to_dict(), doc_id=_DOC_ID))
