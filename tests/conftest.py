"""Shared test setup: `async def` tests run on their own event loop; browser tests run last."""

import asyncio
import inspect
from concurrent.futures import ThreadPoolExecutor

import pytest


def run_coroutine(coroutine) -> None:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        asyncio.run(coroutine)
        return
    # Playwright's sync API keeps a loop running on the main thread while its browser is open.
    with ThreadPoolExecutor(max_workers=1) as worker:
        worker.submit(asyncio.run, coroutine).result()


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem):
    if inspect.iscoroutinefunction(pyfuncitem.obj):
        kwargs = {name: pyfuncitem.funcargs[name] for name in pyfuncitem._fixtureinfo.argnames}
        run_coroutine(pyfuncitem.obj(**kwargs))
        return True
    return None


def pytest_collection_modifyitems(items):
    """Fast tiers first: core and screen tests fail in seconds, the browser tier takes longer."""
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)
