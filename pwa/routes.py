"""Every route the app knows, defined once. Screens and tests import these names."""

HOME = "/"
GUIDE = "/guide"
RELAX = "/relax"
LOG = "/log"
SETTINGS = "/settings"

BREATHE_NOW = f"{RELAX}/breathe"
LOG_TWITCH = f"{LOG}/new"

WHEN_TO_SEE_A_DOCTOR_ID = "when-to-see-a-doctor"


def chapter(chapter_id: str, section_id: str | None = None) -> str:
    """The route that opens one guide chapter, optionally scrolled to one of its sections."""
    route = f"{GUIDE}/chapter/{chapter_id}"
    return f"{route}/{section_id}" if section_id and section_id != "intro" else route


WHEN_TO_SEE_A_DOCTOR = chapter(WHEN_TO_SEE_A_DOCTOR_ID)
