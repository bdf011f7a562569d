"""The places offered for one-tap logging: the person's own, then the usual ones.

Order: the places the person pinned (in their order), then the places they logged most in the
last QUICK_WINDOW (ties: the most recent first), then USUAL_PLACES; places they removed are left
out unless pinned again. Pinned and removed places are kept in the settings as plain dicts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from pwa.core.episodes import Episode, EntryError, Location, validate_location

QUICK_WINDOW = dt.timedelta(days=90)
QUICK_SHOWN = 24  # enough for every usual place and a few of the person's own; the rest are one more tap away
MAX_KEPT = 40  # pinned or removed places remembered

USUAL_PLACES: tuple[Location, ...] = (
    *(Location(region, side) for region in ("calf", "eyelid", "thigh", "foot", "hand", "upper arm") for side in ("left", "right")),
    *(Location(region) for region in ("tongue", "face", "jaw", "neck", "back", "chest", "belly", "all over")),
)


def frequent_places(episodes: Iterable[Episode], now: dt.datetime) -> list[Location]:
    """Places logged in the last QUICK_WINDOW up to `now`, most often first, then the most recent."""
    counts: dict[Location, list] = {}
    since = now - QUICK_WINDOW
    for episode in episodes:
        if not since <= episode.started_at <= now:
            continue
        for place in set(episode.locations):
            seen = counts.setdefault(place, [0, episode.started_at])
            seen[0] += 1
            seen[1] = max(seen[1], episode.started_at)
    return sorted(counts, key=lambda place: (-counts[place][0], -counts[place][1].timestamp(), place.label))


def quick_places(
    episodes: Iterable[Episode], now: dt.datetime, pinned: Iterable[Location] = (), removed: Iterable[Location] = ()
) -> list[Location]:
    """The one-tap places, at most QUICK_SHOWN of them."""
    pinned = list(pinned)
    hidden = set(removed) - set(pinned)
    order = dict.fromkeys([*pinned, *frequent_places(episodes, now), *USUAL_PLACES])
    return [place for place in order if place not in hidden][:QUICK_SHOWN]


def places_from_settings(stored: Any) -> tuple[Location, ...]:
    """Places kept in the settings; anything unreadable is left out (the settings never block the log)."""
    if not isinstance(stored, (list, tuple)):
        return ()
    found: list[Location] = []
    for item in stored[:MAX_KEPT]:
        if not isinstance(item, Mapping):
            continue
        try:
            found.append(validate_location(item))
        except EntryError:
            continue
    return tuple(dict.fromkeys(found))


def places_to_settings(places: Iterable[Location]) -> list[dict[str, Any]]:
    return [place.to_dict() for place in places]


def pin(pinned: tuple[Location, ...], removed: tuple[Location, ...], place: Location) -> tuple[tuple, tuple]:
    """Pinned last in the pinned order, and no longer removed."""
    return tuple(dict.fromkeys([*pinned, place]))[-MAX_KEPT:], tuple(p for p in removed if p != place)


def unpin(pinned: tuple[Location, ...], place: Location) -> tuple[Location, ...]:
    return tuple(p for p in pinned if p != place)


def remove(pinned: tuple[Location, ...], removed: tuple[Location, ...], place: Location) -> tuple[tuple, tuple]:
    """Out of the one-tap list (and unpinned) until the person puts it back."""
    return unpin(pinned, place), tuple(dict.fromkeys([*removed, place]))[-MAX_KEPT:]


def move(pinned: tuple[Location, ...], place: Location, step: int) -> tuple[Location, ...]:
    """A pinned place one step earlier (-1) or later (+1); at either end it stays where it is."""
    order = list(pinned)
    index = order.index(place)
    target = index + step
    if not 0 <= target < len(order):
        return pinned
    order[index], order[target] = order[target], order[index]
    return tuple(order)
