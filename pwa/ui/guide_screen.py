"""Guide: the list of chapters, and one chapter rendered from its Markdown."""

from __future__ import annotations

import flet as ft

from pwa import routes
from pwa.core.guide import Chapter
from pwa.ui.context import go, use_shell
from pwa.ui.shell import destination_view, detail_view
from pwa.ui.widgets import coming_soon, gentle_note

CHAPTER_LINK_SCHEME = "chapter:"


def _chapter_tile(chapter: Chapter) -> ft.Control:
    return ft.Card(
        margin=0,
        content=ft.ListTile(
            key=f"chapter-{chapter.id}",
            title=ft.Text(chapter.title),
            subtitle=ft.Text(chapter.summary),
            trailing=ft.Icon(ft.Icons.CHEVRON_RIGHT),
            on_click=lambda: go(routes.chapter(chapter.id)),
        )
    )


@ft.component
def GuideScreen() -> ft.View:
    shell = use_shell()
    body: list[ft.Control] = [gentle_note("This guide informs, it does not diagnose.")]
    body += [_chapter_tile(c) for c in shell.deps.chapters]
    body.append(
        coming_soon(
            "The full guide",
            "More chapters are being written: what BFS is, common triggers, how it differs from ALS, "
            "and ways to ease it. They will arrive in an update and work offline.",
            key="guide-coming",
        )
    )
    return destination_view(shell, routes.GUIDE, "Guide", body)


async def _open_link(e: ft.Event) -> None:
    target = str(e.data)
    if target.startswith(CHAPTER_LINK_SCHEME):
        go(routes.chapter(target.removeprefix(CHAPTER_LINK_SCHEME)))
    elif target.startswith(("https://", "http://")):
        await ft.UrlLauncher().launch_url(target)


@ft.component
def ChapterScreen() -> ft.View:
    shell = use_shell()
    chapter_id = ft.use_route_params().get("chapter_id", "")
    chapter = shell.chapter(chapter_id)
    route = routes.chapter(chapter_id)
    if chapter is None:
        return detail_view(route, "Not found", [ft.Text("This chapter is not in the guide.")])
    return detail_view(
        route,
        chapter.title,
        [
            ft.Markdown(
                chapter.body,
                key="chapter-body",
                selectable=True,
                extension_set=ft.MarkdownExtensionSet.GITHUB_WEB,
                on_tap_link=_open_link,
            ),
            gentle_note(f"Last reviewed {chapter.last_reviewed:%d %B %Y}."),
        ],
    )
