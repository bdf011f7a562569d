"""Where exported files go and imported ones come from.

On the server run the app's own machine has a folder (next to the data, `files/`): exports are
written there atomically, and files placed there can be imported. In the offline browser build
there is no folder the page may read, so exports are downloads and imports use the file picker.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import flet as ft

from pwa.adapters.atomic_file import AtomicJSONStorage

CSV_SUFFIXES = (".csv", ".tsv", ".txt")  # what spreadsheets save CSV-like text as
IMPORTABLE_SUFFIXES = (*CSV_SUFFIXES, ".json")
FILES_DIRNAME = "files"


class ExchangeError(Exception):
    """A file could not be saved or read; the message says why, in plain words."""


@dataclass(frozen=True)
class PickedFile:
    name: str
    data: bytes


class FileExchange(Protocol):
    picks_files: bool  # True: the user chooses a file in a dialog; False: files are listed from a folder
    where: str  # said to the user: where saved files end up

    async def save(self, name: str, data: bytes) -> str: ...  # returns a sentence saying where it went

    def listed(self) -> list[str]: ...  # importable files in the folder, newest first

    def read(self, name: str) -> PickedFile: ...

    async def pick(self) -> PickedFile | None: ...


class FolderExchange:
    picks_files = False

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.where = str(folder)

    async def save(self, name: str, data: bytes) -> str:
        target = self.folder / name
        try:
            AtomicJSONStorage(target).write_bytes(data)
        except OSError as error:
            reason = "the disk is full" if error.errno == 28 else (error.strerror or str(error))
            raise ExchangeError(f"The file could not be saved in {self.folder} ({reason}). Nothing else changed.") from error
        return f"Saved as {target}."

    def listed(self) -> list[str]:
        try:
            entries = [p for p in self.folder.iterdir() if p.is_file() and p.suffix.lower() in IMPORTABLE_SUFFIXES]
        except OSError:
            return []
        return [p.name for p in sorted(entries, key=lambda p: p.stat().st_mtime, reverse=True)]

    def read(self, name: str) -> PickedFile:
        path = self.folder / name
        if path.name != name or not path.is_file():
            raise ExchangeError(f"{name} is not in {self.folder}.")
        try:
            return PickedFile(name, path.read_bytes())
        except OSError as error:
            raise ExchangeError(f"{path} could not be read ({error.strerror or error}).") from error

    async def pick(self) -> PickedFile | None:
        raise ExchangeError("Put the file in the folder shown and choose it from the list.")


class BrowserExchange:
    """Downloads and the browser's file picker, through Flet's FilePicker service."""

    picks_files = True
    where = "your browser's downloads"

    def __init__(self) -> None:
        self._picker: ft.FilePicker | None = None

    def _service(self) -> ft.FilePicker:
        if self._picker is None:  # registered with the page on first use, then reused
            self._picker = ft.FilePicker()
        return self._picker

    async def save(self, name: str, data: bytes) -> str:
        try:
            await self._service().save_file(file_name=name, src_bytes=data)
        except Exception as error:  # the picker reports failures as plain exceptions
            raise ExchangeError(f"The browser did not save the file ({error}).") from error
        return f"{name} was handed to your browser; look in your downloads."

    def listed(self) -> list[str]:
        return []

    def read(self, name: str) -> PickedFile:
        raise ExchangeError("Choose the file with the button instead.")

    async def pick(self) -> PickedFile | None:
        files = await self._service().pick_files(
            dialog_title="Choose a BFS Companion file",
            file_type=ft.FilePickerFileType.CUSTOM,
            allowed_extensions=[suffix[1:] for suffix in IMPORTABLE_SUFFIXES],
            with_data=True,
        )
        if not files:
            return None
        chosen = files[0]
        if chosen.bytes is None:
            raise ExchangeError("The browser did not give the file's contents. Try again.")
        return PickedFile(chosen.name, chosen.bytes)


def files_folder(data_dir: Path) -> Path:
    return Path(os.fspath(data_dir)) / FILES_DIRNAME
