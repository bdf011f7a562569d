"""The symptom log's repository: episodes and day check-ins over the crash-safe journal store.

Episodes are kept in TinyDB (through `JournalStore`) and also in a list sorted by start time, so
that a month, a day or the latest entries are found by bisection instead of scanning every entry.
"""

from __future__ import annotations

import bisect
import datetime as dt
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from pwa.adapters import json_codec
from pwa.adapters.journal_store import JournalStore
from pwa.core.episodes import KNOWN_TRIGGERS, DayCheckIn, EntryError, Episode, EpisodeType, episode_from_dict, validate_check_in

EPISODES = "episodes"
CHECK_INS = "check_ins"


@dataclass(frozen=True)
class EpisodeFilter:
    start: dt.datetime | None = None  # inclusive
    end: dt.datetime | None = None  # exclusive
    region: str | None = None
    type: EpisodeType | None = None
    trigger: str | None = None
    text: str | None = None  # found in the note, any case

    def matches(self, episode: Episode) -> bool:
        return (
            (self.region is None or any(loc.region == self.region for loc in episode.locations))
            and (self.type is None or episode.type is self.type)
            and (self.trigger is None or self.trigger in episode.triggers)
            and (not self.text or self.text.casefold() in episode.note.casefold())
        )


@dataclass
class _FieldIndex:
    """Which entries have each region, kind and trigger, and their notes in lower case: a filter
    then looks only at the entries that can match instead of reading all of them."""

    by_region: dict[str, set[str]]
    by_type: dict[str, set[str]]
    by_trigger: dict[str, set[str]]
    notes: dict[str, str]

    @staticmethod
    def _keys(document: dict) -> tuple[set, set, set, str]:
        locations = document.get("locations")
        regions = {loc.get("region") for loc in locations if isinstance(loc, dict)} if isinstance(locations, list) else set()
        triggers = document.get("triggers")
        triggers = {t for t in triggers if isinstance(t, str)} if isinstance(triggers, list) else set()
        note = document.get("note")
        return regions, {document.get("type")}, triggers, note.casefold() if isinstance(note, str) else ""

    @classmethod
    def of(cls, documents: dict[str, dict]) -> _FieldIndex:
        """The index of every stored document: one tight pass (100,000 entries on opening a long log)."""
        by_region: dict[str, set[str]] = {}
        by_type: dict[str, set[str]] = {}
        by_trigger: dict[str, set[str]] = {}
        notes: dict[str, str] = {}
        for item_id, document in documents.items():
            try:
                for location in document["locations"]:
                    region = location["region"]
                    if region in by_region:
                        by_region[region].add(item_id)
                    else:
                        by_region[region] = {item_id}
                kind = document["type"]
                if kind in by_type:
                    by_type[kind].add(item_id)
                else:
                    by_type[kind] = {item_id}
                for trigger in document.get("triggers") or ():
                    if trigger in by_trigger:
                        by_trigger[trigger].add(item_id)
                    else:
                        by_trigger[trigger] = {item_id}
                if note := document.get("note"):
                    notes[item_id] = note.casefold()
            except (KeyError, TypeError, AttributeError):  # an odd shape: the careful way, for this one
                index = cls(by_region, by_type, by_trigger, notes)
                index.remove(item_id, document)
                index.add(item_id, document)
        return cls(by_region, by_type, by_trigger, notes)

    def add(self, item_id: str, document: dict) -> None:
        regions, types, triggers, note = self._keys(document)
        for index, values in ((self.by_region, regions), (self.by_type, types), (self.by_trigger, triggers)):
            for value in values:
                index.setdefault(value, set()).add(item_id)
        if note:
            self.notes[item_id] = note

    def remove(self, item_id: str, document: dict) -> None:
        regions, types, triggers, _ = self._keys(document)
        for index, values in ((self.by_region, regions), (self.by_type, types), (self.by_trigger, triggers)):
            for value in values:
                index.get(value, set()).discard(item_id)
        self.notes.pop(item_id, None)

    def candidates(self, where: EpisodeFilter) -> set[str] | None:
        """The ids that can match the filter's fields (None: no field filter, every entry can)."""
        found: set[str] | None = None
        for index, value in ((self.by_region, where.region), (self.by_type, where.type and where.type.value),
                             (self.by_trigger, where.trigger)):
            if value is not None:
                ids = index.get(value, set())
                found = set(ids) if found is None else found & ids
        if where.text:
            text = where.text.casefold()
            pool = self.notes if found is None else {i: self.notes[i] for i in found if i in self.notes}
            found = {item_id for item_id, note in pool.items() if text in note}
        return found


class EpisodeRepository(Protocol):
    notice: str | None

    def save(self, episode: Episode) -> None: ...

    def save_many(self, episodes: list[Episode], check_ins: list[DayCheckIn] = ()) -> None: ...

    def delete(self, episode_id: str) -> None: ...

    def get(self, episode_id: str) -> Episode | None: ...

    def find(self, where: EpisodeFilter = EpisodeFilter(), limit: int | None = None) -> list[Episode]: ...

    def ids(self) -> set[str]: ...

    def triggers_used(self) -> list[str]: ...

    def save_check_in(self, check_in: DayCheckIn) -> None: ...

    def check_ins(self) -> list[DayCheckIn]: ...


class JournalEpisodeRepository:
    def __init__(self, store: JournalStore) -> None:
        self._store = store
        # The store's lock also guards the indexes kept here, so that a save by one browser session
        # and a read or save by another (the server runs handlers on a thread pool) never interleave.
        self._lock = store.lock
        # Stored documents are turned into Episodes when first needed, so that opening a long
        # log only reads each entry's id and start time.
        self._raw: dict[str, dict] = {}
        self._episodes: dict[str, Episode] = {}
        # (start as a POSIX timestamp, id), sorted: comparing floats is several times faster than
        # comparing aware datetimes, which matters for sorting 100,000 of them on opening.
        self._order: list[tuple[float, str]] = []
        skipped = 0
        parse, order, raw = dt.datetime.fromisoformat, self._order, self._raw  # local names: 100,000 rounds
        with json_codec.paused_gc():
            for document in store.documents(EPISODES):
                try:
                    started_at = parse(document["started_at"])
                    if started_at.tzinfo is None:
                        raise ValueError("no time zone")
                    item_id = document["id"]  # text: the store sets aside entries without a text id
                    order.append((started_at.timestamp(), item_id))
                    raw[item_id] = document
                except (KeyError, TypeError, ValueError, OverflowError):
                    skipped += 1  # left in the file untouched; shown to nobody
            order.sort()
        self._changes_while_indexing: list[tuple[str, dict | None, dict | None]] | None = None
        self._index: _FieldIndex | None = None  # built on the first filtered search, or just after opening:
        self.indexing: threading.Thread | None = None
        if store.fold_in_background:  # where there are threads (the server), so the first filter is quick
            self.indexing = threading.Thread(target=self.build_index, name="log-index", daemon=True)
            self.indexing.start()
        self.notice = store.notice
        if skipped:
            extra = f"{skipped} saved entr{'y' if skipped == 1 else 'ies'} could not be read and are not shown."
            self.notice = f"{self.notice} {extra}" if self.notice else extra

    def _episode(self, episode_id: str) -> Episode | None:
        episode = self._episodes.get(episode_id)
        raw = self._raw.get(episode_id)
        if episode is None and raw is not None:
            try:
                episode = episode_from_dict(raw)
            except EntryError:
                return None
            with self._lock:
                if self._raw.get(episode_id) is raw:  # not edited or deleted meanwhile
                    self._episodes.setdefault(episode_id, episode)
        return episode

    def __len__(self) -> int:
        return len(self._order)

    def save(self, episode: Episode) -> None:
        document = episode.to_dict()
        document.pop("id")
        with self._lock:
            previous = self._order_key(episode.id)
            self._store.put(EPISODES, episode.id, document)
            if previous is not None:
                self._order.pop(bisect.bisect_left(self._order, previous))
            self._reindex(episode.id, dict(document, id=episode.id))
            self._episodes[episode.id] = episode
            bisect.insort(self._order, (episode.started_at.timestamp(), episode.id))

    def save_many(self, episodes: list[Episode], check_ins: list[DayCheckIn] = ()) -> None:
        """Save episodes (and check-ins) in one durable step (an import): all of them, or none."""
        documents = {}
        for episode in episodes:
            document = episode.to_dict()
            document.pop("id")
            documents[episode.id] = document
        days = {c.day.isoformat(): c.to_dict() for c in check_ins}
        with self._lock, json_codec.paused_gc():  # imported entries stay: frozen, later collections skip them
            self._store.put_batch({EPISODES: documents, CHECK_INS: days})
            for episode in episodes:
                self._reindex(episode.id, dict(documents[episode.id], id=episode.id))
                self._episodes[episode.id] = episode
            changed = {e.id for e in episodes}
            self._order = sorted([o for o in self._order if o[1] not in changed] + [(e.started_at.timestamp(), e.id) for e in episodes])

    def _reindex(self, episode_id: str, document: dict | None) -> None:
        """Keep the stored document (None: deleted) and the field index in step (holding the lock)."""
        previous = self._raw.pop(episode_id, None)
        if document is not None:
            self._raw[episode_id] = document
        if self._changes_while_indexing is not None:
            self._changes_while_indexing.append((episode_id, previous, document))
        if self._index is not None:
            if previous is not None:
                self._index.remove(episode_id, previous)
            if document is not None:
                self._index.add(episode_id, document)

    def build_index(self) -> None:
        """Index the entries' fields now (about 0.1 s for 100,000 entries) rather than on the first filter.

        The index is built from a copy without holding the lock, so saves go on meanwhile; the
        changes they make are replayed onto it before it is used.
        """
        with self._lock:
            if self._index is not None or self._changes_while_indexing is not None:
                return
            documents = dict(self._raw)
            self._changes_while_indexing = []
        index = _FieldIndex.of(documents)
        with self._lock:
            changes, self._changes_while_indexing = self._changes_while_indexing, None
            if self._index is None:
                for item_id, previous, document in changes:
                    if previous is not None:
                        index.remove(item_id, previous)
                    if document is not None:
                        index.add(item_id, document)
                self._index = index

    def _field_index(self) -> _FieldIndex:
        if self._index is None:
            self._index = _FieldIndex.of(self._raw)
        return self._index

    def _order_key(self, episode_id: str) -> tuple[float, str] | None:
        document = self._raw.get(episode_id)
        return (dt.datetime.fromisoformat(document["started_at"]).timestamp(), episode_id) if document else None

    def delete(self, episode_id: str) -> None:
        with self._lock:
            previous = self._order_key(episode_id)
            if previous is None:
                return
            self._store.delete(EPISODES, episode_id)
            self._reindex(episode_id, None)
            self._episodes.pop(episode_id, None)
            self._order.pop(bisect.bisect_left(self._order, previous))

    def get(self, episode_id: str) -> Episode | None:
        return self._episode(episode_id)

    def _between(self, start: dt.datetime | None, end: dt.datetime | None) -> Iterable[tuple[float, str]]:
        low = bisect.bisect_left(self._order, (start.timestamp(), "")) if start else 0
        high = bisect.bisect_left(self._order, (end.timestamp(), "")) if end else len(self._order)
        return self._order[low:high]

    def find(self, where: EpisodeFilter = EpisodeFilter(), limit: int | None = None) -> list[Episode]:
        """Matching episodes, newest first."""
        found: list[Episode] = []
        with self._lock:
            window = self._between(where.start, where.end)  # a copy: saves may go on while we filter
            candidates = self._field_index().candidates(where) if (where.region or where.type or where.trigger or where.text) else None
        for _, episode_id in reversed(window):
            if candidates is not None and episode_id not in candidates:
                continue
            episode = self._episode(episode_id)
            if episode is not None and where.matches(episode):
                found.append(episode)
                if limit is not None and len(found) >= limit:
                    break
        return found

    def ids(self) -> set[str]:
        """The id of every stored entry, including any that could not be read (so nothing replaces them)."""
        with self._lock:
            return set(self._raw)

    def triggers_used(self) -> list[str]:
        """Every trigger in the log that is not one of the known ones, most used first."""
        counts: dict[str, int] = {}
        with self._lock:
            documents = list(self._raw.values())
        for document in documents:
            for trigger in document.get("triggers") or ():
                if isinstance(trigger, str) and trigger not in KNOWN_TRIGGERS:
                    counts[trigger] = counts.get(trigger, 0) + 1
        return sorted(counts, key=lambda t: (-counts[t], t))

    def save_check_in(self, check_in: DayCheckIn) -> None:
        document = check_in.to_dict()
        self._store.put(CHECK_INS, check_in.day.isoformat(), document)

    def check_ins(self) -> list[DayCheckIn]:
        found = []
        for document in self._store.documents(CHECK_INS):
            try:
                found.append(validate_check_in(document))
            except EntryError:
                continue
        return sorted(found, key=lambda c: c.day)
