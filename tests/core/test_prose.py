import pytest

from pwa.core.prose import Heading, Link, ListItem, Paragraph, Run, blocks, inlines, plain_text, web_page_name


def test_paragraphs_join_their_lines_and_end_at_a_blank_line():
    assert blocks("Most twitching\nis harmless.\n\nA second one.") == (
        Paragraph((Run("Most twitching is harmless."),)),
        Paragraph((Run("A second one."),)),
    )


def test_headings_keep_their_level_and_lose_their_marks():
    assert blocks("## Call an emergency number now\n### Then ##\n####### not a heading") == (
        Heading(2, "Call an emergency number now"),
        Heading(3, "Then"),
        Paragraph((Run("####### not a heading"),)),
    )


def test_list_items_bulleted_or_numbered_continue_on_their_next_lines():
    text = "Use FAST:\n- **Face**: has one side\n  dropped?\n* Arms\n1. First\n12) Twelfth\n\nAfter."
    assert blocks(text) == (
        Paragraph((Run("Use FAST:"),)),
        ListItem("•", (Run("Face", bold=True), Run(": has one side dropped?"))),
        ListItem("•", (Run("Arms"),)),
        ListItem("1.", (Run("First"),)),
        ListItem("12.", (Run("Twelfth"),)),
        Paragraph((Run("After."),)),
    )


def test_links_bold_and_plain_runs_keep_their_order():
    assert inlines("See [When to see a doctor](chapter:when-to-see-a-doctor) and **now**. [1]") == (
        Run("See "),
        Link("When to see a doctor", "chapter:when-to-see-a-doctor"),
        Run(" and "),
        Run("now", bold=True),
        Run(". [1]"),  # a citation marker is not a link
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NHS. Muscle twitches. https://www.nhs.uk/conditions/muscle-twitches/",
         (Run("NHS. Muscle twitches. "), Link("Web page on nhs.uk", "https://www.nhs.uk/conditions/muscle-twitches/"))),
        ("At http://example.org/a.", (Run("At "), Link("Web page on example.org", "http://example.org/a"), Run("."))),
        ("(https://pubmed.ncbi.nlm.nih.gov/123/), then", (Run("("), Link("Web page on pubmed.ncbi.nlm.nih.gov", "https://pubmed.ncbi.nlm.nih.gov/123/"), Run("), then"))),
        ("ftp://not.a.web.page", (Run("ftp://not.a.web.page"),)),
    ],
)  # fmt: skip
def test_a_bare_web_address_becomes_a_link_named_for_its_site(text, expected):
    assert inlines(text) == expected


def test_web_page_names():
    assert web_page_name("https://www.nhs.uk/x") == "Web page on nhs.uk"
    assert web_page_name("https://wwwx.example/") == "Web page on wwwx.example"
    assert web_page_name("https:///nohost") == "Web page on https:///nohost"


def test_plain_text_of_each_kind():
    heading, item, paragraph = blocks("## Title\n- **Face** [here](chapter:x)\n\nPlain.")
    assert (plain_text(heading), plain_text(item), plain_text(paragraph)) == ("Title", "• Face here", "Plain.")


def test_empty_text_has_no_blocks():
    assert blocks("") == () and blocks("\n  \n") == () and inlines("") == ()

