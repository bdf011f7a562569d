"""JSON for the stored data: orjson where it is installed (the server), the standard library elsewhere.

orjson reads and writes a 100,000-entry log several times faster than `json` (see `make bench`);
the browser build has no orjson wheel for Pyodide and uses `json`, with the same results for the
data this app writes (UTF-8 text, dicts with text keys, 64-bit numbers).
"""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import islice
from typing import Any

try:
    import orjson
except ImportError:  # the browser build (Pyodide)
    orjson = None

DecodeError = json.JSONDecodeError  # orjson.JSONDecodeError is a subclass of it


def loads(data: bytes | str) -> Any:
    if orjson is not None:
        return orjson.loads(data)
    return json.loads(data)


def dumps(value: Any) -> bytes:
    """Compact UTF-8 JSON."""
    if orjson is not None:
        return orjson.dumps(value)
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


CHUNK = 2000  # documents per piece: each piece holds the GIL for a few milliseconds only


def dump_pieces(data: dict[str, dict[str, Any]]) -> Iterator[bytes]:
    """`dumps(data)` for {table: {key: document}}, in pieces of at most CHUNK documents.

    A fold writes the snapshot on a thread; one `dumps` of 100,000 entries would hold the GIL for
    a fifth of a second and stall a save on the main thread for as long. Joined, the pieces are
    the same JSON document.
    """
    yield b"{"
    for t, (table, documents) in enumerate(data.items()):
        yield (b"," if t else b"") + dumps(table) + b":{"
        items = iter(documents.items())  # no list of every item: 100,000 new tuples set off a full collection
        first = True
        while chunk := dict(islice(items, CHUNK)):
            yield (b"" if first else b",") + dumps(chunk)[1:-1]
            first = False
        yield b"}"
    yield b"}"


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection while a large document is read and indexed.

    Reading 100,000 entries makes some 400,000 dicts and lists; each allocation burst sets off a
    collection that scans them all and frees nothing (they are all in use), which doubles the
    time to open the log (measured in `make bench`). Reference counting still frees as usual.
    What was read stays in use for the whole session, so it is then frozen (`gc.freeze`): later
    collections skip it instead of scanning 400,000 objects each time.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()
