"""Export and import screens: files in a folder (server run) and download / file picker (browser)."""

import dataclasses
import datetime as dt
import errno
import json
import os

import pytest

from pwa import routes
from pwa.adapters.file_exchange import BrowserExchange, FolderExchange
from pwa.adapters.log_transfer import LogRepositories, export_backup
from pwa.adapters.storage import MemoryDataStore
from pwa.app import build_dependencies
from pwa.core.breathing import make_pattern
from pwa.core.log_exchange import CSV_COLUMNS
from pwa.core.settings import ThemeChoice
from tests.flet_harness import mounted
from tests.ui.conftest import with_fakes
from tests.factories import NOW_LOCAL, log_episode

NOW = NOW_LOCAL


@pytest.fixture
def folder(tmp_path):
    return tmp_path / "files"


@pytest.fixture
def deps(deps, folder):
    return dataclasses.replace(deps, now=lambda: NOW, file_exchange=FolderExchange(folder))


def add(deps, **fields):
    return log_episode(deps.episode_repository, **fields)


def repos(deps):
    return LogRepositories(deps.episode_repository, deps.relaxation_repository, deps.settings_repository)


async def test_csv_and_backup_are_saved_in_the_folder(app_main, deps, folder):
    add(deps, note="first", started_at=NOW - dt.timedelta(days=1))
    add(deps, note="second")
    async with mounted(app_main, route=routes.LOG) as h:
        await h.tap(h.one(key="log-files"))
        await h.tap(h.one(key="export-csv"))
        csv_path = folder / "bfs-companion-log-2026-11-23.csv"
        assert h.one(key="files-message").value == f"Saved as {csv_path}."
        lines = csv_path.read_text("utf-8").splitlines()
        assert lines[0] == ",".join(CSV_COLUMNS) and len(lines) == 3
        assert lines[1].endswith(",first") and lines[2].endswith(",second")  # oldest first
        await h.tap(h.one(key="export-backup"))
        backup = json.loads((folder / "bfs-companion-backup-2026-11-23.json").read_text("utf-8"))
        assert [e["note"] for e in backup["episodes"]] == ["first", "second"]
        # both files are now offered for import
        assert {c.key for c in h.all() if str(c.key).startswith("import-file-")} == {
            "import-file-bfs-companion-log-2026-11-23.csv",
            "import-file-bfs-companion-backup-2026-11-23.json",
        }


async def test_a_full_disk_is_reported_and_nothing_half_written_remains(app_main, deps, folder, monkeypatch):
    add(deps)

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    async with mounted(app_main, route=routes.LOG_FILES) as h:
        await h.tap(h.one(key="export-csv"))
        assert "could not be saved" in h.one(key="files-message").value
        assert "the disk is full" in h.one(key="files-message").value
        assert list(folder.iterdir()) == []


async def test_import_shows_a_preview_and_writes_only_after_confirming(app_main, deps, folder):
    folder.mkdir()
    existing = add(deps, note="already here")
    rows = [
        ",".join(CSV_COLUMNS),
        f"{existing.id},{existing.started_at.isoformat()},left calf,3,,twitch,,already here",
        "a1,2026-11-20T08:00:00+00:00,right thigh; neck,4,30,twitch,stress,from the old app",
        "a2,2026-11-21T08:00:00+00:00,left elbow,4,30,twitch,,",
        "a3,not a date,neck,4,30,twitch,,",
    ]
    (folder / "old.csv").write_text("\n".join(rows), "utf-8")
    async with mounted(app_main, route=routes.LOG_FILES) as h:
        await h.tap(h.one(key="import-file-old.csv"))
        assert h.one(key="import-summary").value == "1 to add, 1 already in your log, 2 with problems."
        assert h.one(key="rejected-4").value == "Row 4: 'elbow' is not one of the body regions."
        assert h.one(key="rejected-5").value == "Row 5: not a date is not a date and time like 2026-11-23 21:30."
        assert len(deps.episode_repository.find()) == 1  # nothing written yet
        await h.tap(h.one(key="import-cancel"))
        assert h.one(key="files-message").value == "Nothing was imported." and len(deps.episode_repository.find()) == 1
        await h.tap(h.one(key="import-file-old.csv"))
        await h.tap(h.one(key="import-confirm"))
        assert h.one(key="files-message").value == "Added 1 entry."
        assert {e.note for e in deps.episode_repository.find()} == {"already here", "from the old app"}
        # importing the same file again adds nothing
        await h.tap(h.one(key="import-file-old.csv"))
        assert h.one(key="import-confirm").disabled is True


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("wrong.csv", b"date,what\n2026-11-20,twitch\n", "The file needs the columns started_at and locations"),
        ("sheet.csv", b"PK\x03\x04\x14\x00\x06\x00\x08\x00", "This is not a text file"),
        ("latin.csv", ",".join(CSV_COLUMNS).encode() + b"\nx,2026-11-20T08:00+00:00,neck,1,,twitch,,caf\xe9\n", "not UTF-8"),
        ("broken.json", b'{"format": "bfs-companion-backup", "version": 1, "episodes": [', "not valid JSON"),
        ("other.json", b'{"hello": 1}', "not a BFS Companion backup"),
        ("notes.pdf", b"%PDF-1.4", "Only CSV files (.csv) and backups from this app (.json) can be imported."),
    ],
)
async def test_a_bad_file_changes_nothing_and_says_why(app_main, deps, folder, name, content, message):
    folder.mkdir()
    existing = add(deps)
    (folder / name).write_bytes(content)
    exchange = deps.file_exchange
    async with mounted(app_main, route=routes.LOG_FILES) as h:
        if name.endswith(".pdf"):  # not listed, but a picked file could still have any name
            assert h.all(key=f"import-file-{name}") == []
            exchange.listed = lambda: [name]
            await h.navigate(routes.LOG)
            await h.navigate(routes.LOG_FILES)
        await h.tap(h.one(key=f"import-file-{name}"))
        text = h.one(key="files-message").value
        assert text.startswith(f"{name} was not imported: ") and message in text and text.endswith("Your log is unchanged.")
        assert h.all(key="import-preview") == []
        assert deps.episode_repository.find() == [existing]


async def test_a_backup_restores_into_an_empty_app_with_settings_on_request(app_main, deps, folder, clock, cues):
    add(deps, note="kept", triggers=["stress"])
    deps.relaxation_repository.save_pattern(make_pattern("Evening", [("inhale", 4), ("exhale", 8)]))
    deps.settings_repository.save(deps.settings_repository.load().with_changes(theme=ThemeChoice.DARK))
    from pwa.core.episodes import validate_check_in

    deps.episode_repository.save_check_in(validate_check_in({"day": "2026-11-22", "sleep_hours": 5}))
    folder.mkdir()
    (folder / "backup.json").write_bytes(export_backup(repos(deps), NOW))

    fresh = dataclasses.replace(
        with_fakes(build_dependencies(MemoryDataStore()), clock, cues), now=lambda: NOW, file_exchange=FolderExchange(folder)
    )
    async with mounted(lambda page: __import__("pwa.app").app.main(page, fresh), route=routes.LOG_FILES) as h:
        await h.tap(h.one(key="import-file-backup.json"))
        assert h.one(key="import-summary").value == "1 to add."
        await h.change(h.one(key="import-settings"), {"value": True}, "true")
        await h.tap(h.one(key="import-confirm"))
        assert h.one(key="files-message").value == (
            "Added 1 entry, 1 day check-in, 1 breathing pattern and restored your settings."
        )
        assert h.page.theme_mode.value == "dark"
    assert [e.note for e in fresh.episode_repository.find()] == ["kept"]
    assert [p.name for p in fresh.relaxation_repository.patterns()] == ["Evening"]
    assert fresh.settings_repository.load().theme is ThemeChoice.DARK
    assert [c.sleep_hours for c in fresh.episode_repository.check_ins()] == [5]


async def test_the_browser_build_downloads_and_uses_the_file_picker(app_main, deps):
    browser_deps = dataclasses.replace(deps, file_exchange=BrowserExchange())
    add(browser_deps, note="in the browser")
    saved, csv_text = [], None
    async with mounted(lambda page: __import__("pwa.app").app.main(page, browser_deps), route=routes.LOG_FILES) as h:
        h.client.methods["save_file"] = lambda args: saved.append(args) or None
        await h.tap(h.one(key="export-csv"))
        (args,) = saved
        assert args["file_name"] == "bfs-companion-log-2026-11-23.csv"
        csv_text = bytes(args["src_bytes"]).decode("utf-8")
        assert "in the browser" in csv_text
        assert "downloads" in h.one(key="files-message").value

        picked = csv_text.replace(browser_deps.episode_repository.find()[0].id, "from-picker")
        h.client.methods["pick_files"] = lambda args: [
            {"id": 0, "name": "mine.csv", "path": None, "size": len(picked), "bytes": list(picked.encode("utf-8"))}
        ]
        await h.tap(h.one(key="import-choose"))
        assert h.one(key="import-summary").value == "1 to add."
        await h.tap(h.one(key="import-confirm"))
        assert browser_deps.episode_repository.get("from-picker").note == "in the browser"

        h.client.methods["pick_files"] = lambda args: []  # the user closed the picker
        await h.tap(h.one(key="import-choose"))
        assert h.one(key="files-message").value == "Added 1 entry."  # unchanged: nothing happened


async def test_a_spreadsheets_file_imports_once_the_person_says_how_its_dates_are_written(app_main, deps, folder):
    folder.mkdir()
    (folder / "sheet.csv").write_text(
        "Started At;Locations;Feeling;Type\r\n03/04/2026 10:00;Calf (left);ok;Cramp\r\n2026-11-20 08:00;tongue;;\r\n", "utf-8"
    )
    async with mounted(app_main, route=routes.LOG_FILES) as h:
        await h.tap(h.one(key="import-file-sheet.csv"))
        assert h.one(key="import-summary").value == "1 to add, 1 with problems."
        assert h.one(key="import-ignored").value == "Columns not used: Feeling."
        assert h.one(key="import-date-order-hint").value == "Some dates could be read two ways. Which does this file use?"
        assert h.one(key="rejected-2").value.startswith("Row 2: 03/04/2026 10:00 could be day-first or month-first")
        await h.select("import-date-order", "day-first")
        assert h.one(key="import-summary").value == "2 to add."
        assert h.chosen("import-date-order") == "day-first"
        assert deps.episode_repository.find() == []  # still nothing written
        await h.select("import-date-order", "month-first")
        await h.tap(h.one(key="import-confirm"))
        assert h.one(key="files-message").value == "Added 2 entries."
    found = {e.locations[0].label: e for e in deps.episode_repository.find()}
    assert found["left calf"].started_at == dt.datetime(2026, 3, 4, 10, 0).astimezone()  # month first, as chosen
    assert found["left calf"].type.value == "cramp" and found["left calf"].intensity is None
    assert found["tongue"].type.value == "twitch"


async def test_a_file_without_ids_imported_twice_adds_its_entries_once(app_main, deps, folder):
    folder.mkdir()
    (folder / "mine.csv").write_text("started_at,locations\n2026-11-20 08:00,jaw\n2026-11-21 09:30,left eyelid\n", "utf-8")
    async with mounted(app_main, route=routes.LOG_FILES) as h:
        await h.tap(h.one(key="import-file-mine.csv"))
        await h.tap(h.one(key="import-confirm"))
        await h.tap(h.one(key="import-file-mine.csv"))
        assert h.one(key="import-summary").value == "0 to add, 2 already in your log."
        assert h.one(key="import-confirm").disabled is True
    assert len(deps.episode_repository.find()) == 2


async def test_the_format_is_explained_and_a_template_can_be_saved(app_main, deps, folder):
    async with mounted(app_main, route=routes.LOG_FILES) as h:
        assert h.one(key="format-started_at").value.startswith("started_at (needed): ")
        assert h.one(key="format-id").value.startswith("id (optional): ")
        assert {f"format-{name}" for name in CSV_COLUMNS} <= {str(c.key) for c in h.all() if c.key}
        await h.tap(h.one(key="export-template"))
        template = folder / "bfs-companion-template.csv"
        assert h.one(key="files-message").value == f"Saved as {template}."
        assert template.read_bytes() == (",".join(CSV_COLUMNS) + "\r\n").encode()
