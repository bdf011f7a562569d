import json

import pytest

from pwa.adapters.atomic_file import AtomicJSONStorage, UnreadableDatabaseError
from pwa.adapters.storage import FileDataStore


def test_missing_or_empty_file_reads_as_no_data(tmp_path):
    path = tmp_path / "db.json"
    assert AtomicJSONStorage(path).read() is None
    path.write_text("  \n")
    assert AtomicJSONStorage(path).read() is None


def test_write_replaces_the_file_and_leaves_no_temporary_files(tmp_path):
    path = tmp_path / "nested" / "db.json"
    storage = AtomicJSONStorage(path)
    storage.write({"settings": {"1": {"theme": "dark"}}})
    storage.write({"settings": {"1": {"theme": "light"}}})
    assert json.loads(path.read_text()) == {"settings": {"1": {"theme": "light"}}}
    assert [p.name for p in path.parent.iterdir()] == ["db.json"]


@pytest.mark.parametrize(
    "content",
    [b"{not json", b"\xff\xfe\x00garbage", b"[1, 2, 3]", b'{"settings": [1]}'],
    ids=["truncated", "wrong-encoding", "wrong-shape", "table-not-a-dict"],
)
def test_unreadable_files_raise_a_clear_error(tmp_path, content):
    path = tmp_path / "db.json"
    path.write_bytes(content)
    with pytest.raises(UnreadableDatabaseError, match="db.json"):
        AtomicJSONStorage(path).read()


def test_an_unreadable_database_is_never_overwritten(tmp_path):
    path = tmp_path / "db.json"
    path.write_bytes(b'{"settings": {"1": {"theme": "da')  # a half-written file
    opened = FileDataStore(path).open()
    assert opened.problem is not None and str(path) in opened.problem
    opened.db.table("settings").insert({"theme": "light"})  # the app keeps working in memory
    assert path.read_bytes() == b'{"settings": {"1": {"theme": "da'


def test_a_readable_database_is_opened_from_its_file(tmp_path):
    path = tmp_path / "db.json"
    first = FileDataStore(path).open()
    assert first.problem is None
    first.db.table("settings").insert({"theme": "dark"})
    assert FileDataStore(path).open().db.table("settings").all() == [{"theme": "dark"}]


@pytest.mark.parametrize("sizes", [{}, {"episodes": 0}, {"episodes": 1}, {"episodes": 1999}, {"episodes": 2000}, {"episodes": 2001, "_meta": 1, "check_ins": 4001}])
def test_a_snapshot_written_in_pieces_is_the_same_json(tmp_path, sizes):
    from pwa.adapters import json_codec

    data = {table: {str(n): {"id": f"{table}-{n}", "note": 'é ☕ " ,'} for n in range(count)} for table, count in sizes.items()}
    joined = b"".join(json_codec.dump_pieces(data))
    assert json.loads(joined) == data and joined == json_codec.dumps(data)
    AtomicJSONStorage(tmp_path / "s.json").write_pieces(data)
    assert AtomicJSONStorage(tmp_path / "s.json").read() == data
