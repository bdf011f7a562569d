"""The served web client must not point at any CDN for the Rive runtime (installed by `make`)."""

from pwa.adapters import web_client


def test_prepared_client_loads_rive_from_this_server():
    target = web_client.prepare()
    assert web_client.is_ready(target)
    for name in ("main.dart.js", "main.dart.wasm"):
        data = (target / name).read_bytes()
        assert web_client.RIVE_CDN_BASE not in data
        assert web_client.RIVE_LOCAL_BASE in data
    assert (target / "rivenative" / "wasm" / "rive_native.wasm").stat().st_size > 1_000_000
    assert len(web_client.RIVE_LOCAL_BASE) == len(web_client.RIVE_CDN_BASE)
