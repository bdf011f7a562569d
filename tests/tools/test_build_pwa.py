"""The offline build's inputs: wheels from the cache with no network, and no rebuild when nothing changed."""

from __future__ import annotations

import hashlib
import time

import pytest

from pwa.tools import build_pwa
from pwa.tools.build_pwa import AppBundle, BuildError


@pytest.fixture
def wheel_cache(tmp_path, monkeypatch):
    cache = tmp_path / "wheels"
    cache.mkdir()
    monkeypatch.setattr(build_pwa, "WHEEL_CACHE", cache)
    pinned = []
    for name in ("flet", "tinydb"):
        wheel = cache / f"{name}-1.0-py3-none-any.whl"
        wheel.write_bytes(f"wheel of {name}".encode())
        pinned.append(("requirements-pure.txt", name, "1.0", [hashlib.sha256(wheel.read_bytes()).hexdigest()]))
    monkeypatch.setattr(build_pwa, "_pinned_wheels", lambda: pinned)
    return cache


def test_cached_wheels_with_their_pinned_hashes_need_no_network(wheel_cache, monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("pip was called although every wheel is cached")

    monkeypatch.setattr(build_pwa.subprocess, "run", no_network)
    assert [w.name for w in build_pwa.download_wheels()] == ["flet-1.0-py3-none-any.whl", "tinydb-1.0-py3-none-any.whl"]


def test_a_cached_wheel_whose_hash_changed_is_fetched_again(wheel_cache, monkeypatch):
    (wheel_cache / "tinydb-1.0-py3-none-any.whl").write_bytes(b"tampered")
    calls = []

    class Done:
        returncode = 0
        stderr = ""

    monkeypatch.setattr(build_pwa.subprocess, "run", lambda *a, **k: calls.append(a) or Done())
    with pytest.raises(BuildError, match="tinydb==1.0"):  # pip (faked) fetched nothing good
        build_pwa.download_wheels()
    assert len(calls) == 2  # both requirement files went through pip --require-hashes


def test_the_input_digest_changes_exactly_when_an_input_changes(tmp_path, monkeypatch):
    source, app_folder = tmp_path / "client", tmp_path / "app"
    for folder in (source, app_folder):
        folder.mkdir()
        (folder / "a.txt").write_text("one")
    bundle = AppBundle(entry_source="run()", trees=((app_folder, "app"),))
    first = build_pwa.input_digest(source, [], "/", bundle)
    assert build_pwa.input_digest(source, [], "/", bundle) == first
    assert build_pwa.input_digest(source, [], "/bfs/", bundle) != first  # another base URL
    time.sleep(0.01)
    (app_folder / "a.txt").write_text("two")
    second = build_pwa.input_digest(source, [], "/", bundle)
    assert second != first
    (app_folder / "__pycache__").mkdir()
    (app_folder / "__pycache__" / "x.pyc").write_bytes(b"cache")
    assert build_pwa.input_digest(source, [], "/", bundle) == second  # bytecode caches are not inputs


@pytest.mark.parametrize("base", ["/", "/bfs/", "/a/", "/ab/", "bfs", "/apps/bfs-companion/"])
def test_the_rive_address_keeps_the_compiled_length_and_resolves_under_the_base(base):
    from urllib.parse import urljoin

    from pwa.adapters import web_client

    length = len(web_client.RIVE_LOCAL_BASE)
    address = build_pwa.rive_address(base, length)
    assert len(address) == length
    expected = "/" + "/".join(part for part in base.split("/") if part) + "/rivenative/"
    assert urljoin("https://example.org/", address.decode()) == "https://example.org" + expected.replace("//", "/")


def test_a_base_url_too_long_for_the_compiled_address_is_refused():
    with pytest.raises(BuildError, match="too long"):
        build_pwa.rive_address("/" + "x" * 80 + "/", 66)
