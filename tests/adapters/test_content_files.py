from pwa.adapters.content_files import load_chapters
from pwa.adapters.paths import CONTENT_DIR
from pwa.routes import WHEN_TO_SEE_A_DOCTOR_ID


def test_the_shipped_guide_parses_and_has_the_doctor_chapter():
    chapters = load_chapters(CONTENT_DIR)
    assert WHEN_TO_SEE_A_DOCTOR_ID in [c.id for c in chapters]


def test_the_doctor_chapter_lists_urgent_signs_and_references():
    doctor = next(c for c in load_chapters(CONTENT_DIR) if c.id == WHEN_TO_SEE_A_DOCTOR_ID)
    for must_mention in ("Trouble breathing", "999", "swallowing", "more than two weeks", "## References"):
        assert must_mention in doctor.body
