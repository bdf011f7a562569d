"""Guide screens: chapter list, reading, links, previous/next, where you left off, search."""

import flet as ft
import pytest

from pwa import routes
from pwa.adapters.storage import MemoryDataStore
from pwa.app import build_dependencies, main
from pwa.ui.guide.guide_screen import body_key, section_key
from tests.flet_harness import mounted
from pwa.ui.widgets.focus import iter_controls


async def test_list_shows_every_chapter_with_its_summary_and_the_informs_note(app_main, deps):
    async with mounted(app_main, route=routes.GUIDE) as h:
        for chapter in deps.chapters:
            tile = h.one(key=f"chapter-{chapter.id}")
            assert tile.title.value == chapter.title and tile.subtitle.value == chapter.summary
        assert "This guide informs, it does not diagnose." in h.texts()
        assert h.all(key="continue-reading") == []


def said(block) -> str:
    """The words of a rendered section, as a screen reader meets them in order."""
    words = []
    for control in iter_controls(block):
        if isinstance(control, ft.TextSpan):
            words.append(control.text)
        elif isinstance(control, ft.Text) and control.value:
            words.append(control.value + " ")
    return "".join(words)


def link(block, target: str) -> ft.TextSpan:
    found = [c for c in iter_controls(block) if isinstance(c, ft.TextSpan) and c.data == target]
    assert found, f"no link to {target}"
    return found[0]


async def test_a_chapter_shows_each_section_with_a_heading_and_named_links(app_main, deps):
    chapter = next(c for c in deps.chapters if c.id == "bfs-and-als")
    async with mounted(app_main, route=routes.chapter(chapter.id)) as h:
        assert h.top_view().appbar.title.value == "BFS and motor neurone disease (ALS)"
        for section in chapter.sections:
            block = h.one(key=section_key(section.id))
            assert " ".join(section.body.splitlines()[0].split()[:4]) in said(block)
            headings = [c for c in iter_controls(block) if isinstance(c, ft.Semantics) and c.header]
            if section.id == "intro":
                assert headings == []
            else:
                assert headings[0].heading_level == 3 and headings[0].content.value == section.heading
        links = [c for c in iter_controls(h.page) if isinstance(c, ft.TextSpan) and c.on_click is not None]
        assert links, "the chapter links to others"
        for found in links:  # the theme's primary colour, underlined: not the 2.98:1 default blue
            assert (found.style.color, found.style.decoration) == (ft.Colors.PRIMARY, ft.TextDecoration.UNDERLINE)


async def test_references_are_links_named_for_their_site_not_raw_addresses(app_main):
    async with mounted(app_main, route=routes.chapter("references")) as h:
        text = said(h.one(key=section_key("health-services-and-guidelines")))
        assert "https://" not in text and "NHS. Muscle twitches. Web page on nhs.uk" in text
        nhs = link(h.one(key=section_key("health-services-and-guidelines")), "https://www.nhs.uk/conditions/muscle-twitches/")
        assert nhs.text == "Web page on nhs.uk"


async def test_previous_and_next_follow_the_reading_order(app_main):
    async with mounted(app_main, route=routes.chapter("symptoms")) as h:
        assert h.one(key="previous-chapter").content == "Previous: Causes and triggers"
        await h.tap(h.one(key="next-chapter"))
        assert h.page.route == routes.chapter("bfs-and-als")
    async with mounted(app_main, route=routes.chapter("what-is-bfs")) as h:
        assert h.all(key="previous-chapter") == []


async def test_links_open_chapters_inside_and_websites_outside_the_app(app_main):
    async with mounted(app_main, route=routes.chapter("what-is-bfs")) as h:
        await h.tap(link(h.one(key=section_key("how-this-guide-can-help")), "chapter:bfs-and-als"))
        assert h.page.route == routes.chapter("bfs-and-als")

        await h.tap(link(h.one(key=section_key("references")), "https://www.nhs.uk/conditions/multiple-sclerosis/symptoms/"))
        assert h.client.launched_urls == ["https://www.nhs.uk/conditions/multiple-sclerosis/symptoms/"]


async def _scroll(h, chapter_id: str, pixels: float) -> None:
    column = h.one(key=body_key(chapter_id))
    await h.session.dispatch_event(
        column._i,
        "scroll",
        {"event_type": "end", "pixels": pixels, "min_scroll_extent": 0.0, "max_scroll_extent": 4000.0, "viewport_dimension": 700.0},
    )
    await h.settle()


async def test_a_link_to_a_section_opens_the_chapter_scrolled_to_it_and_back_returns_to_the_same_place(app_main):
    async with mounted(app_main, route=routes.GUIDE) as h:
        await h.tap(h.one(key="chapter-symptoms"))
        assert h.all(key="back-to-chapter") == []  # opened from the list: the usual back arrow
        await _scroll(h, "symptoms", 1234.0)
        await h.tap(link(h.one(key=section_key("the-worry-loop")), "chapter:worry-and-checking#the-worry-loop"))
        assert h.page.route == routes.chapter("worry-and-checking", "the-worry-loop")
        assert h.client.scrolls[-1][0] == h.one(key=body_key("worry-and-checking"))._i
        assert h.client.scrolls[-1][1]["scroll_key"] == section_key("the-worry-loop")

        back = h.one(key="back-to-chapter")
        assert back.tooltip == "Back to Symptoms" and back.icon.semantics_label == "Back to Symptoms"
        await h.tap(back)
        assert h.page.route == routes.chapter("symptoms")
        assert h.client.scrolls[-1][0] == h.one(key=body_key("symptoms"))._i
        assert h.client.scrolls[-1][1]["offset"] == 1234.0  # where the reader was, not the top
        assert h.all(key="back-to-chapter") == []  # the trail is used up: Back now leads to the list
        await h.pop_view()
        assert h.page.route == routes.GUIDE


async def test_a_chapter_opened_from_the_list_starts_a_new_trail(app_main):
    async with mounted(app_main, route=routes.chapter("diagnosis")) as h:
        await h.tap(link(h.one(key=section_key("if-worries-come-back")), "chapter:worry-and-checking"))
        assert h.one(key="back-to-chapter") is not None
        scrolls = len(h.client.scrolls)
        assert scrolls == 0  # a link to the chapter itself opens it at its top
        await h.navigate(routes.chapter("diagnosis"))  # e.g. from search
        assert h.all(key="back-to-chapter") == []


async def test_search_counts_matching_sections_in_words(app_main):
    async with mounted(app_main, route=routes.GUIDE) as h:
        await h.change(h.one(key="guide-search"), {"value": "buzzing"}, "buzzing")
        assert h.one(key="result-count").value == "1 matching section"
        await h.change(h.one(key="guide-search"), {"value": "tongue"}, "tongue")
        tiles = [i for i in range(10) if h.all(key=f"result-{i}")]
        assert len(tiles) >= 2
        assert h.one(key="result-count").value == f"{len(tiles)} matching sections"


async def test_the_guide_remembers_where_the_reader_left_off(tmp_path):
    from pwa.adapters.storage import FileDataStore

    path = tmp_path / "db.json"
    deps = build_dependencies(FileDataStore(path))
    async with mounted(lambda page: main(page, deps), route=routes.chapter("diagnosis")) as h:
        await h.pop_view()
        assert h.routes() == [routes.GUIDE]
        tile = h.one(key="continue-reading")
        assert "How BFS is diagnosed" in [t.value for t in h.all(ft.Text)]
        await h.tap(tile)
        assert h.page.route == routes.chapter("diagnosis")

    restarted = build_dependencies(FileDataStore(path))
    assert restarted.settings_repository.load().last_chapter_id == "diagnosis"


async def test_search_ranks_sections_highlights_matches_and_opens_the_section(app_main):
    async with mounted(app_main, route=routes.GUIDE) as h:
        await h.change(h.one(key="guide-search"), {"value": "tongue"}, "tongue")
        first = h.one(key="result-0")
        assert first.title.value == "Symptoms: Tongue twitches"
        assert any(span.style is not None for span in first.subtitle.spans)  # the match is highlighted
        assert h.all(key="chapter-what-is-bfs") == []  # results replace the chapter list

        await h.tap(first)
        route = h.page.route
        assert route == routes.chapter("symptoms", "tongue-twitches")
        section_id = route.rsplit("/", 1)[-1]
        column_ids = {c._i for c in h.all(ft.Column)}
        assert h.client.scrolls and h.client.scrolls[-1][0] in column_ids
        assert h.client.scrolls[-1][1]["scroll_key"] == section_key(section_id)


async def test_search_tolerates_typos_and_says_when_nothing_matches(app_main):
    async with mounted(app_main, route=routes.GUIDE) as h:
        await h.change(h.one(key="guide-search"), {"value": "twiches"}, "twiches")
        assert h.all(key="result-0") and h.all(key="no-results") == []

        await h.change(h.one(key="guide-search"), {"value": "xylophone"}, "xylophone")
        assert h.one(key="no-results").value.startswith("Nothing matches")

        await h.change(h.one(key="guide-search"), {"value": ""}, "")
        assert h.one(key="chapter-what-is-bfs") is not None


async def test_unknown_chapter_says_so():
    deps = build_dependencies(MemoryDataStore())
    async with mounted(lambda page: main(page, deps), route=routes.chapter("nope")) as h:
        assert "This chapter is not in the guide." in h.texts()


async def test_back_from_a_chapter_returns_to_the_same_list_scroll_view(app_main):
    """The list stays mounted under the chapter, so the browser keeps its scroll position."""
    async with mounted(app_main, route=routes.GUIDE) as h:
        list_scroller = h.top_view().controls[0]
        list_id = list_scroller._i
        assert list_scroller.scroll is not None
        await h.tap(h.one(key="chapter-diagnosis"))
        assert h.routes() == [routes.GUIDE, routes.chapter("diagnosis")]
        await h.pop_view()
        assert h.routes() == [routes.GUIDE]
        assert h.top_view().controls[0]._i == list_id  # the same scroll view on the client
        assert h.client.scrolls == []  # nothing sent it back to the top


@pytest.mark.parametrize(("width", "pane"), [(390, False), (1040, False), (1041, True), (1280, True)])
async def test_on_wide_windows_every_chapter_stands_beside_the_one_being_read(app_main, deps, width, pane):
    async with mounted(app_main, route=routes.chapter("symptoms"), width=width, height=800) as h:
        assert bool(h.all(key="chapters-pane")) is pane
        if not pane:
            return
        tiles = [h.one(key=f"pane-chapter-{c.id}") for c in deps.chapters]
        assert [t.title.value for t in tiles] == [c.title for c in deps.chapters]
        here = h.one(key="pane-chapter-symptoms")
        assert here.selected is True and here.on_click is None and here.subtitle.value == "Reading now"
        assert [t.subtitle for t in tiles if t is not here] == [None] * (len(tiles) - 1)
        assert [t.selected for t in tiles].count(True) == 1
        await h.tap(h.one(key="pane-chapter-diagnosis"))
        assert h.page.route == routes.chapter("diagnosis")
        assert h.routes() == [routes.GUIDE, routes.chapter("diagnosis")]  # the pane replaces the chapter, Back is the list
        assert h.one(key="pane-chapter-diagnosis").selected is True


async def test_the_side_pane_comes_and_goes_with_the_window_width(app_main):
    async with mounted(app_main, route=routes.chapter("symptoms"), width=1280, height=800) as h:
        assert h.all(key="chapters-pane")
        await h.resize(800, 800)
        assert h.all(key="chapters-pane") == []
