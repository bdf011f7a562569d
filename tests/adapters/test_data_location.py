from pathlib import Path

from pwa.adapters.data_location import DATA_DIR_ENV, database_path, resolve_data_dir


def test_command_line_option_wins(tmp_path):
    cli = tmp_path / "cli"
    assert resolve_data_dir(str(cli), {DATA_DIR_ENV: str(tmp_path / "env")}) == cli


def test_environment_variable_comes_next(tmp_path):
    assert resolve_data_dir(None, {DATA_DIR_ENV: str(tmp_path / "env")}) == tmp_path / "env"


def test_default_is_the_users_data_directory(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert resolve_data_dir(None, {}) == tmp_path / "xdg" / "bfs-companion"


def test_database_file_sits_in_the_data_directory():
    assert database_path(Path("/data")) == Path("/data/bfs-companion.json")
