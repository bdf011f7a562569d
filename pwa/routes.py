"""Every route the app knows, defined once. Screens and tests import these names."""

HOME = "/"
GUIDE = "/guide"
RELAX = "/relax"
LOG = "/log"
SETTINGS = "/settings"

BREATHE_NOW = f"{RELAX}/breathe"
MUSCLE_RELAXATION = f"{RELAX}/pmr"  # starts the user's last pattern (the default one at first)
LOG_TWITCH = f"{LOG}/new"

WHEN_TO_SEE_A_DOCTOR_ID = "when-to-see-a-doctor"


def chapter(chapter_id: str, section_id: str | None = None) -> str:
    """The route that opens one guide chapter, optionally scrolled to one of its sections."""
    route = f"{GUIDE}/chapter/{chapter_id}"
    return f"{route}/{section_id}" if section_id and section_id != "intro" else route


WHEN_TO_SEE_A_DOCTOR = chapter(WHEN_TO_SEE_A_DOCTOR_ID)
WORRY_LOOP = chapter("worry-and-checking", "the-worry-loop")  # offered by the log's gentle note
GUIDE_PLACES = (WHEN_TO_SEE_A_DOCTOR, WORRY_LOOP)  # guide routes the app links to from other screens


def breathe(pattern_id: str | None = None) -> str:
    """The route of a breathing session with a given pattern, or the usual one."""
    return f"{BREATHE_NOW}/{pattern_id}" if pattern_id else BREATHE_NOW


def muscle_relaxation(groups: int) -> str:
    """The route of a progressive muscle relaxation session with 16, 7 or 4 muscle groups."""
    return f"{MUSCLE_RELAXATION}/{groups}"


NEW_PATTERN_ID = "new"


def edit_pattern(pattern_id: str = NEW_PATTERN_ID) -> str:
    """The route of the editor for a user-made breathing pattern ("new" for a new one)."""
    return f"{RELAX}/patterns/{pattern_id}"


NEW_ENTRY_ID = "new"
CHECK_IN = f"{LOG}/check-in"
LOG_FILES = f"{LOG}/files"  # export and import


def edit_entry(entry_id: str = NEW_ENTRY_ID) -> str:
    """The route of the full entry form, for a new entry ("new") or an existing one."""
    return f"{LOG}/entries/{entry_id}"
INSIGHTS = f"{LOG}/insights"  # patterns over weeks and the report for a doctor
