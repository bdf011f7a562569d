"""Guide: search, the list of chapters, and one chapter rendered section by section."""

from __future__ import annotations

import asyncio

import flet as ft

from pwa import routes
from pwa.core.guide import Chapter, internal_link_target, neighbours
from pwa.core.layout import has_side_pane
from pwa.core.search import SearchResult, matching_sections_label
from pwa.ui.shell.context import go, use_shell
from pwa.ui.shell.shell import destination_view, detail_view
from pwa.ui.guide.prose_view import prose
from pwa.ui.widgets import gentle_note, icon_button

NOT_A_DIAGNOSIS = "This guide informs, it does not diagnose."


def _chapter_tile(chapter: Chapter, key: str | None = None, overline: str | None = None) -> ft.Control:
    title: ft.Control = ft.Text(chapter.title)
    if overline:
        title = ft.Column([ft.Text(overline, theme_style=ft.TextThemeStyle.LABEL_MEDIUM), title], spacing=2, tight=True)
    return ft.Card(
        margin=0,
        content=ft.ListTile(
            key=key or f"chapter-{chapter.id}",
            title=title,
            subtitle=ft.Text(chapter.summary),
            trailing=ft.Icon(ft.Icons.CHEVRON_RIGHT),
            on_click=lambda: go(routes.chapter(chapter.id)),
        ),
    )


def _result_tile(result: SearchResult, index: int) -> ft.Control:
    heading = result.chapter_title if result.section_id == "intro" else f"{result.chapter_title}: {result.section_heading}"
    snippet = ft.Text(
        spans=[
            ft.TextSpan(part.text, style=ft.TextStyle(weight=ft.FontWeight.BOLD, color=ft.Colors.PRIMARY))
            if part.highlighted
            else ft.TextSpan(part.text)
            for part in result.snippet
        ],
    )
    return ft.Card(
        margin=0,
        content=ft.ListTile(
            key=f"result-{index}",
            title=ft.Text(heading),
            subtitle=snippet,
            on_click=lambda: go(routes.chapter(result.chapter_id, result.section_id)),
        ),
    )


@ft.component
def GuideScreen() -> ft.View:
    shell = use_shell()
    query, set_query = ft.use_state("")
    search = ft.TextField(
        key="guide-search",
        label="Search the guide",
        hint_text="For example: cramps, caffeine, ALS",
        prefix_icon=ft.Icons.SEARCH,
        value=query,
        on_change=lambda e: set_query(e.control.value or ""),
    )
    body: list[ft.Control] = [search]
    if query.strip():
        results = shell.deps.search_index.search(query)
        if results:
            body.append(ft.Text(matching_sections_label(len(results)), key="result-count"))
            body += [_result_tile(result, i) for i, result in enumerate(results)]
        else:
            body.append(ft.Text("Nothing matches that. Try another word, such as 'sleep' or 'doctor'.", key="no-results"))
    else:
        body.append(gentle_note(NOT_A_DIAGNOSIS))
        last = shell.chapter(shell.settings.last_chapter_id or "")
        if last is not None:
            body.append(_chapter_tile(last, key="continue-reading", overline="Continue reading"))
        body += [_chapter_tile(c) for c in shell.deps.chapters]
    return destination_view(shell, routes.GUIDE, "Guide", body)


def body_key(chapter_id: str) -> str:
    """Each chapter opens in its own scroll view, at its top (a new key is a new view)."""
    return f"chapter-body-{chapter_id}"


def section_key(section_id: str) -> ft.ScrollKey:
    return ft.ScrollKey(f"section-{section_id}")


def _step_buttons(previous: Chapter | None, following: Chapter | None) -> list[ft.Control]:
    steps = [(previous, "Previous", ft.Icons.ARROW_BACK, "previous-chapter"), (following, "Next", ft.Icons.ARROW_FORWARD, "next-chapter")]
    return [
        ft.OutlinedButton(
            content=f"{label}: {chapter.title}",
            icon=icon,
            key=key,
            on_click=lambda _, target=chapter.id: go(routes.chapter(target)),
        )
        for chapter, label, icon, key in steps
        if chapter is not None
    ]


def _chapters_pane(chapters: tuple[Chapter, ...] | list[Chapter], current: str) -> ft.Control:
    """On wide windows, every chapter beside the one being read: one tap to another."""
    heading = ft.Semantics(header=True, heading_level=2, content=ft.Text("Chapters", theme_style=ft.TextThemeStyle.TITLE_SMALL))
    tiles: list[ft.Control] = [ft.Container(heading, padding=ft.Padding.only(left=16, top=16, right=16, bottom=8))]
    for chapter in chapters:
        here = chapter.id == current
        tiles.append(
            ft.ListTile(
                key=f"pane-chapter-{chapter.id}",
                title=ft.Text(chapter.title),
                subtitle=ft.Text("Reading now") if here else None,  # not told by colour alone
                selected=here,
                on_click=None if here else (lambda _, target=chapter.id: go(routes.chapter(target))),
            )
        )
    return ft.Column(tiles, key="chapters-pane", scroll=ft.ScrollMode.AUTO, spacing=0)


async def _live_control(key: str, turns: int = 50) -> ft.Control | None:
    """The control with `key` that is on the page now, waiting a moment if it is about to be.

    A screen rendered twice before its update reaches the page (a tapped link also saves the last
    chapter read) holds controls from a render that was merged into the live ones; a `Ref` would
    point at one that is never shown.
    """
    session = ft.context.page.session
    for _ in range(turns):
        for control in list(session.index.values()):
            if getattr(control, "key", None) == key:
                return control
        await asyncio.sleep(0)
    return None


@ft.component
def ChapterScreen() -> ft.View:
    shell = use_shell()
    params = ft.use_route_params()
    chapter_id, section_id = params.get("chapter_id", ""), params.get("section_id") or None
    chapter = shell.chapter(chapter_id)

    def remember() -> None:
        if chapter is not None:
            shell.change_settings(last_chapter_id=chapter.id)

    ft.use_effect(remember, [chapter_id])

    route = routes.chapter(chapter_id, section_id)
    trail = shell.guide_trail

    async def arrive() -> None:
        offset = trail.arrive(route)
        if chapter is None or not (offset or (section_id and chapter.section(section_id))):
            return
        scroller = await _live_control(body_key(chapter.id))
        if scroller is None:
            return
        if offset:  # back from a chapter this one links to: where the reader was
            await scroller.scroll_to(offset=offset, duration=0)
        else:
            await scroller.scroll_to(scroll_key=section_key(section_id), duration=300)

    ft.use_effect(arrive, [chapter_id, section_id])

    if chapter is None:
        return detail_view(route, "Not found", [ft.Text("This chapter is not in the guide.")])

    async def open_link(target: str) -> None:
        if (internal := internal_link_target(target)) is not None:
            destination = routes.chapter(*internal)
            trail.follow(route, chapter.id, destination)
            go(destination)
        elif target.startswith(("https://", "http://")):
            await ft.UrlLauncher().launch_url(target)

    def remember_position(e: ft.OnScrollEvent) -> None:
        trail.offsets[chapter.id] = e.pixels

    previous, following = neighbours(shell.deps.chapters, chapter.id)
    body: list[ft.Control] = []
    for section in chapter.sections:
        title = None if section.id == "intro" else section.heading
        body.append(prose(section.body, open_link, key=section_key(section.id), title=title))
    body.append(gentle_note(f"Last reviewed {chapter.last_reviewed:%d %B %Y}. {NOT_A_DIAGNOSIS}"))
    body += _step_buttons(previous, following)
    leading = None
    if (back_to := trail.back_target(route)) is not None:
        came_from = shell.chapter(back_to[1])
        leading = icon_button(
            ft.Icons.ARROW_BACK, f"Back to {came_from.title if came_from else 'the chapter'}", "back-to-chapter", lambda: go(trail.back())
        )
    return detail_view(
        route,
        chapter.title,
        body,
        on_scroll=remember_position,
        leading=leading,
        body_key=body_key(chapter.id),
        side_pane=_chapters_pane(shell.deps.chapters, chapter.id) if has_side_pane(shell.width) else None,
    )
