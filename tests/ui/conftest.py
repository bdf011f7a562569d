"""Screen-test fixtures: the real app wired to an in-memory database, a fake clock and fake cues."""

import dataclasses

import pytest

from pwa.adapters.cues import RecordingCues
from pwa.adapters.storage import MemoryDataStore
from pwa.app import build_dependencies, main
from tests.core.fakes import FakeClock


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def cues():
    return RecordingCues()


def with_fakes(deps, clock, cues):
    return dataclasses.replace(deps, clock=clock, make_cues=lambda settings: cues, tick_seconds=0.001)


@pytest.fixture
def deps(clock, cues):
    return with_fakes(build_dependencies(MemoryDataStore()), clock, cues)


@pytest.fixture
def app_main(deps):
    return lambda page: main(page, deps)
