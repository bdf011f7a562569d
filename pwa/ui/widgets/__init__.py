"""Accessible building blocks every screen shares: each rule about names, errors and sizes lives here once."""

from pwa.ui.widgets.actions import TALL, big_action, copyable, doctor_link, icon_button, link_tile
from pwa.ui.widgets.choices import choice, radios, segmented
from pwa.ui.widgets.dates import CALENDAR_FIRST_DAY, date_field, time_field
from pwa.ui.widgets.expander import Expander
from pwa.ui.widgets.progress import progress_bar
from pwa.ui.widgets.stepper import stepper
from pwa.ui.widgets.switch import labelled_switch
from pwa.ui.widgets.text import NOT_A_DIAGNOSIS, announced, error_text, field_labels, gentle_note

__all__ = [
    "Expander",
    "TALL",
    "CALENDAR_FIRST_DAY",
    "NOT_A_DIAGNOSIS",
    "announced",
    "big_action",
    "choice",
    "copyable",
    "date_field",
    "doctor_link",
    "error_text",
    "field_labels",
    "gentle_note",
    "icon_button",
    "labelled_switch",
    "link_tile",
    "progress_bar",
    "radios",
    "segmented",
    "stepper",
    "time_field",
]
