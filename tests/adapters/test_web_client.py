"""The served web client must not point at any CDN for the Rive runtime (installed by `make`)."""

from pwa.adapters import web_client


def test_prepared_client_loads_the_rive_stand_in_from_this_server():
    target = web_client.prepare()
    assert web_client.is_ready(target)
    for name in ("main.dart.js", "main.dart.wasm"):
        data = (target / name).read_bytes()
        assert web_client.RIVE_CDN_BASE not in data
        assert web_client.RIVE_LOCAL_BASE in data
    assert len(web_client.RIVE_LOCAL_BASE) == len(web_client.RIVE_CDN_BASE)
    shipped = sorted(p.relative_to(target).as_posix() for p in (target / "rivenative").rglob("*") if p.is_file())
    assert shipped == ["rivenative/wasm/rive_native.js", "rivenative/wasm_compatibility/rive_native.js"]
    for path in shipped:  # the client's "Rive is not available" path: RiveNative() refuses
        assert (target / path).read_text() == web_client.RIVE_STAND_IN.read_text()
        assert "Promise.reject" in (target / path).read_text()


def test_a_changed_stand_in_makes_the_prepared_client_stale(tmp_path, monkeypatch):
    stand_in = tmp_path / "rive-absent.js"
    stand_in.write_text(web_client.RIVE_STAND_IN.read_text())
    monkeypatch.setattr(web_client, "RIVE_STAND_IN", stand_in)
    target = web_client.prepare(tmp_path / "client")
    assert web_client.is_ready(target)
    stand_in.write_text(stand_in.read_text() + "\n")
    assert not web_client.is_ready(target)
