"""The symptom log's repository: episodes and day check-ins over the crash-safe journal store.

Episodes are kept in TinyDB (through `JournalStore`) and also in a list sorted by start time, so
that a month, a day or the latest entries are found by bisection instead of scanning every entry.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

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
        self._order: list[tuple[dt.datetime, str]] = []
        skipped = 0
        for document in store.documents(EPISODES):
            try:
                started_at = dt.datetime.fromisoformat(document["started_at"])
                if started_at.tzinfo is None:
                    raise ValueError("no time zone")
                self._order.append((started_at, str(document["id"])))
                self._raw[str(document["id"])] = document
            except (KeyError, TypeError, ValueError):
                skipped += 1  # left in the file untouched; shown to nobody
        self._order.sort()
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
            self._raw[episode.id] = dict(document, id=episode.id)
            self._episodes[episode.id] = episode
            bisect.insort(self._order, (episode.started_at, episode.id))

    def save_many(self, episodes: list[Episode], check_ins: list[DayCheckIn] = ()) -> None:
        """Save episodes (and check-ins) in one durable step (an import): all of them, or none."""
        documents = {}
        for episode in episodes:
            document = episode.to_dict()
            document.pop("id")
            documents[episode.id] = document
        days = {c.day.isoformat(): c.to_dict() for c in check_ins}
        with self._lock:
            self._store.put_batch({EPISODES: documents, CHECK_INS: days})
            for episode in episodes:
                self._raw[episode.id] = dict(documents[episode.id], id=episode.id)
                self._episodes[episode.id] = episode
            changed = {e.id for e in episodes}
            self._order = sorted([o for o in self._order if o[1] not in changed] + [(e.started_at, e.id) for e in episodes])

    def _order_key(self, episode_id: str) -> tuple[dt.datetime, str] | None:
        document = self._raw.get(episode_id)
        return (dt.datetime.fromisoformat(document["started_at"]), episode_id) if document else None

    def delete(self, episode_id: str) -> None:
        with self._lock:
            previous = self._order_key(episode_id)
            if previous is None:
                return
            self._store.delete(EPISODES, episode_id)
            self._raw.pop(episode_id)
            self._episodes.pop(episode_id, None)
            self._order.pop(bisect.bisect_left(self._order, previous))

    def get(self, episode_id: str) -> Episode | None:
        return self._episode(episode_id)

    def _between(self, start: dt.datetime | None, end: dt.datetime | None) -> Iterable[tuple[dt.datetime, str]]:
        low = bisect.bisect_left(self._order, (start, "")) if start else 0
        high = bisect.bisect_left(self._order, (end, "")) if end else len(self._order)
        return self._order[low:high]

    def find(self, where: EpisodeFilter = EpisodeFilter(), limit: int | None = None) -> list[Episode]:
        """Matching episodes, newest first."""
        found: list[Episode] = []
        with self._lock:
            window = self._between(where.start, where.end)  # a copy: saves may go on while we filter
        for _, episode_id in reversed(window):
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
