"""A chapter's text with real headings and links for screen readers (see pwa/core/prose.py).

flet 1.0.5 web: a TextSpan with a click handler reaches the accessibility tree as a named link,
and ft.Semantics(header=True, heading_level=n) as a heading; the page script makes those links
reachable with Tab and opens them with Enter (pwa/web/full-page-message.js).
"""

from __future__ import annotations

import flet as ft

from pwa.core.prose import Block, Heading, Inline, Link, ListItem, blocks

# Links in the theme's primary colour (6.1:1 on the light surface; flutter_markdown's default blue
# was 2.98:1) and underlined, since colour alone should not mark a link.
LINK_STYLE = ft.TextStyle(color=ft.Colors.PRIMARY, decoration=ft.TextDecoration.UNDERLINE)
BOLD = ft.TextStyle(weight=ft.FontWeight.BOLD)
SECTION_HEADING_LEVEL = 3  # the chapter's title, in the app bar, is the level-2 heading


def _opener(on_link, target: str):
    """flet 1.0.5 awaits a handler only when it is a coroutine function."""
    async def open_link() -> None:
        await on_link(target)

    return open_link


def _spans(pieces: tuple[Inline, ...], on_link) -> list[ft.TextSpan]:
    """`on_link(target)` is a coroutine function."""
    spans = []
    for piece in pieces:
        if isinstance(piece, Link):
            spans.append(ft.TextSpan(piece.text, style=LINK_STYLE, data=piece.target, on_click=_opener(on_link, piece.target)))
        else:
            spans.append(ft.TextSpan(piece.text, style=BOLD if piece.bold else None))
    return spans


def heading(text: str, level: int = SECTION_HEADING_LEVEL) -> ft.Control:
    style = ft.TextThemeStyle.TITLE_LARGE if level <= SECTION_HEADING_LEVEL else ft.TextThemeStyle.TITLE_MEDIUM
    return ft.Semantics(header=True, heading_level=level, content=ft.Text(text, theme_style=style))


def _block(block: Block, on_link, offset: int) -> ft.Control:
    if isinstance(block, Heading):
        return heading(block.text, min(block.level + offset, 6))
    text = ft.Text(spans=_spans(block.inlines, on_link), theme_style=ft.TextThemeStyle.BODY_LARGE)
    if isinstance(block, ListItem):
        return ft.Row(
            vertical_alignment=ft.CrossAxisAlignment.START,
            spacing=8,
            controls=[ft.Text(block.marker, theme_style=ft.TextThemeStyle.BODY_LARGE, width=24, text_align=ft.TextAlign.END),
                      ft.Container(text, expand=True)],
        )
    return text


def prose(markdown: str, on_link, *, key=None, title: str | None = None) -> ft.Column:
    """A section: its heading (when it has one) and its blocks; a heading inside the text sits one level below."""
    controls = [heading(title)] if title else []
    controls += [_block(b, on_link, SECTION_HEADING_LEVEL - 2) for b in blocks(markdown)]
    return ft.Column(controls, key=key, spacing=10)
