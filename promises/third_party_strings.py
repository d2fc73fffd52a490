"""Strings of django-simple-history's admin pages, which ships no Swedish catalog.

Never imported: listed here so `makemessages` puts them in our catalog, whose Swedish
translations (LOCALE_PATHS come first) then show on the history pages.
"""

from django.utils.translation import gettext_noop

STRINGS = [
    gettext_noop("View history: %s"),
    gettext_noop("Change history: %s"),
    gettext_noop("View %s"),
    gettext_noop("Revert %s"),
    gettext_noop("You may edit it again below"),
    gettext_noop("Created"),
    gettext_noop("Changed"),
    gettext_noop("Deleted"),
    gettext_noop("Deleted %(type_name)s"),
    gettext_noop("Object"),
    gettext_noop("Date/time"),
    gettext_noop("Comment"),
    gettext_noop("Changed by"),
    gettext_noop("Change reason"),
    gettext_noop("Changes"),
    gettext_noop("None"),
    gettext_noop("This object doesn't have a change history."),
    gettext_noop(
        "Choose a date from the list below to revert to a previous version of this object."
    ),
]
