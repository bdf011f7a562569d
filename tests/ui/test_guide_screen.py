"""Guide screens: chapter list, reading, links, previous/next, where you left off, search."""

import flet as ft

from pwa import routes
from pwa.adapters.storage import MemoryDataStore
from pwa.app import build_dependencies, main
from pwa.ui.guide_screen import section_key
from tests.flet_harness import mounted


async def test_list_shows_every_chapter_with_its_summary_and_the_informs_note(app_main, deps):
    async with mounted(app_main, route=routes.GUIDE) as h:
        for chapter in deps.chapters:
            tile = h.one(key=f"chapter-{chapter.id}")
            assert tile.title.value == chapter.title and tile.subtitle.value == chapter.summary
        assert "This guide informs, it does not diagnose." in h.texts()
        assert h.all(key="continue-reading") == []


async def test_a_chapter_renders_each_section_as_selectable_markdown(app_main, deps):
    chapter = next(c for c in deps.chapters if c.id == "bfs-and-als")
    async with mounted(app_main, route=routes.chapter(chapter.id)) as h:
        assert h.top_view().appbar.title.value == "BFS and ALS"
        for section in chapter.sections:
            block = h.one(key=section_key(section.id))
            assert block.selectable is True
            assert section.body.splitlines()[0] in block.value


async def test_previous_and_next_follow_the_reading_order(app_main):
    async with mounted(app_main, route=routes.chapter("symptoms")) as h:
        assert h.one(key="previous-chapter").content == "Previous: Causes and triggers"
        await h.tap(h.one(key="next-chapter"))
        assert h.page.route == routes.chapter("bfs-and-als")
    async with mounted(app_main, route=routes.chapter("what-is-bfs")) as h:
        assert h.all(key="previous-chapter") == []


async def test_links_open_chapters_inside_and_websites_outside_the_app(app_main):
    async with mounted(app_main, route=routes.chapter("what-is-bfs")) as h:
        block = h.one(key=section_key("how-this-guide-can-help"))
        await h.session.dispatch_event(block._i, "tap_link", "chapter:bfs-and-als")
        await h.settle()
        assert h.page.route == routes.chapter("bfs-and-als")

        block = h.one(key=section_key("references"))
        await h.session.dispatch_event(block._i, "tap_link", "https://www.nhs.uk/conditions/muscle-twitches/")
        await h.settle()
        assert h.client.launched_urls == ["https://www.nhs.uk/conditions/muscle-twitches/"]


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
        await h.change(h.one(key="guide-search"), {"value": "Lou Gehrig"}, "Lou Gehrig")
        first = h.one(key="result-0")
        assert first.title.value.startswith("BFS and ALS")
        assert any(span.style is not None for span in first.subtitle.spans)  # the match is highlighted
        assert h.all(key="chapter-what-is-bfs") == []  # results replace the chapter list

        await h.tap(first)
        route = h.page.route
        assert route.startswith(routes.chapter("bfs-and-als"))
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
