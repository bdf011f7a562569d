"""Screen-test fixtures: the real app wired to an in-memory database."""

import pytest

from pwa.adapters.storage import MemoryDataStore
from pwa.app import build_dependencies, main


@pytest.fixture
def deps():
    return build_dependencies(MemoryDataStore())


@pytest.fixture
def app_main(deps):
    return lambda page: main(page, deps)
