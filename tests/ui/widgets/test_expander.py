"""widgets.Expander: an opening section whose spoken title says whether it is open."""

import flet as ft

from pwa.ui.widgets import Expander
from tests.flet_harness import mounted


def spoken(h) -> str:
    return h.one(key="section").title.semantics_label


async def test_the_title_says_collapsed_or_expanded_as_the_person_opens_and_closes_it():
    async with mounted(lambda page: page.render(lambda: ft.Column([Expander("section", "Filter and search", [ft.Text("inside")])]))) as h:
        assert spoken(h) == "Filter and search, collapsed" and h.one(key="section").expanded is False
        await h.session.dispatch_event(h.one(key="section")._i, "change", True)
        await h.settle()
        assert spoken(h) == "Filter and search, expanded" and h.one(key="section").expanded is True
        await h.session.dispatch_event(h.one(key="section")._i, "change", False)
        await h.settle()
        assert spoken(h) == "Filter and search, collapsed"


async def test_it_can_start_open():
    async with mounted(lambda page: page.render(lambda: ft.Column([Expander("section", "Filters", [], initially_open=True)]))) as h:
        assert spoken(h) == "Filters, expanded" and h.one(key="section").expanded is True
