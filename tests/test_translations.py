"""Dutch is complete: every message translated, and the compiled catalogue matches the source."""

from pathlib import Path

import polib
import pytest
from django.conf import settings

CATALOGUES = sorted(Path(settings.BASE_DIR, "locale").glob("*/LC_MESSAGES/*.po"))


def test_there_is_a_dutch_catalogue():
    assert any(path.parts[-3] == "nl" for path in CATALOGUES)


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda path: path.parts[-3])
def test_every_message_is_translated(path):
    catalogue = polib.pofile(str(path))

    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert not untranslated, f"untranslated in {path}: {untranslated}"
    assert not fuzzy, f"fuzzy in {path}: {fuzzy}"


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda path: path.parts[-3])
def test_compiled_catalogue_is_up_to_date(path):
    def messages(catalogue):
        return {
            (entry.msgctxt, entry.msgid): entry.msgstr or dict(entry.msgstr_plural)
            for entry in catalogue
            if entry.msgid
            and not entry.obsolete
            and "fuzzy" not in entry.flags
            and (entry.msgstr or any(entry.msgstr_plural.values()))
        }

    source = messages(polib.pofile(str(path)))
    compiled = messages(polib.mofile(str(path.with_suffix(".mo"))))

    assert compiled == source, "run: python manage.py compilemessages (or make messages)"
