"""Every route the app knows, defined once. Screens and tests import these names."""

HOME = "/"
GUIDE = "/guide"
RELAX = "/relax"
LOG = "/log"
SETTINGS = "/settings"

CHAPTER_PATTERN = "chapter/:chapter_id"  # nested under GUIDE
BREATHE_NOW = f"{RELAX}/breathe"
LOG_TWITCH = f"{LOG}/new"

WHEN_TO_SEE_A_DOCTOR_ID = "when-to-see-a-doctor"


def chapter(chapter_id: str) -> str:
    """The route that opens one guide chapter."""
    return f"{GUIDE}/chapter/{chapter_id}"


WHEN_TO_SEE_A_DOCTOR = chapter(WHEN_TO_SEE_A_DOCTOR_ID)
