from django.core.management.commands import makemessages


class Command(makemessages.Command):
    # msgmerge's guesses from similar messages are more often wrong than right: a new message
    # arrives untranslated, so the translation test names it.
    msgmerge_options = [*makemessages.Command.msgmerge_options, "--no-fuzzy-matching"]
