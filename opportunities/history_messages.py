"""The messages of django-simple-history's admin pages, so that the Dutch catalogue holds them.

django-simple-history ships no Dutch translation: its history, compare and revert pages would
be in English for a Dutch editor. ``makemessages`` finds these strings here and our catalogue
translates them; Django reads the project's catalogue before the app's. Nothing calls this.
"""

from django.utils.translation import gettext_noop, ngettext


def messages(count):  # pragma: no cover - read by makemessages only
    return [
        gettext_noop("Change history: %s"),
        gettext_noop("View history: %s"),
        gettext_noop('The %(name)s "%(obj)s" was changed successfully.'),
        gettext_noop("You may edit it again below"),
        gettext_noop("Revert %s"),
        gettext_noop("View %s"),
        gettext_noop("Created"),
        gettext_noop("Changed"),
        gettext_noop("Deleted"),
        gettext_noop("Deleted %(type_name)s"),
        gettext_noop("This object doesn't have a change history."),
        gettext_noop("History"),
        gettext_noop("Revert %(verbose_name)s"),
        gettext_noop("View %(verbose_name)s"),
        gettext_noop("Press the 'Revert' button below to revert to this version of the object."),
        gettext_noop("Press the 'Change History' button below to edit the history."),
        gettext_noop(
            "Choose a date from the list below to revert to a previous version of this object."
        ),
        gettext_noop("Object"),
        gettext_noop("Date/time"),
        gettext_noop("Comment"),
        gettext_noop("Changed by"),
        gettext_noop("Change reason"),
        gettext_noop("Changes"),
        gettext_noop("None"),
        gettext_noop("Revert"),
        gettext_noop("Change History"),
        gettext_noop("Close"),
        ngettext("entry", "entries", count),
    ]
