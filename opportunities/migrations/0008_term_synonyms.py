"""Everyday words on the brochure's terms, which the search matches with the term's names.

On PostgreSQL the term's stored search document (migration 0005) is rebuilt to cover them.
"""

from django.db import migrations, models

TABLE = "opportunities_term"
FIELDS = (("name", "A"), ("synonyms", "B"))  # as search.TERMS searches terms
BEFORE = (("name", "A"),)
CONFIGS = {"nl": "dutch", "en": "english"}


def build_document(fields):
    def build(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        document = " || ".join(
            f"setweight(to_tsvector('{config}'::regconfig, COALESCE({name}_{lang}, '')), '{weight}')"
            for name, weight in fields
            for lang, config in CONFIGS.items()
        )
        # Dropping the column drops its index too.
        schema_editor.execute(f"ALTER TABLE {TABLE} DROP COLUMN search_document")
        schema_editor.execute(
            f"ALTER TABLE {TABLE} ADD COLUMN search_document tsvector "
            f"GENERATED ALWAYS AS ({document}) STORED"
        )
        schema_editor.execute(f"CREATE INDEX {TABLE}_search ON {TABLE} USING GIN (search_document)")

    return build


class Migration(migrations.Migration):

    dependencies = [
        ('opportunities', '0007_programme_flags'),
    ]

    operations = [
        migrations.AddField(
            model_name='historicalterm',
            name='synonyms_en',
            field=models.TextField(blank=True, help_text="Words a teacher may search for instead, separated by commas, e.g. internship, students abroad. The search then finds the term's format too.", verbose_name='everyday words (English)'),
        ),
        migrations.AddField(
            model_name='historicalterm',
            name='synonyms_nl',
            field=models.TextField(blank=True, help_text="Words a teacher may search for instead, separated by commas, e.g. stage, leerlingen naar het buitenland. The search then finds the term's format too.", verbose_name='everyday words (Dutch)'),
        ),
        migrations.AddField(
            model_name='term',
            name='synonyms_en',
            field=models.TextField(blank=True, help_text="Words a teacher may search for instead, separated by commas, e.g. internship, students abroad. The search then finds the term's format too.", verbose_name='everyday words (English)'),
        ),
        migrations.AddField(
            model_name='term',
            name='synonyms_nl',
            field=models.TextField(blank=True, help_text="Words a teacher may search for instead, separated by commas, e.g. stage, leerlingen naar het buitenland. The search then finds the term's format too.", verbose_name='everyday words (Dutch)'),
        ),
        migrations.RunPython(build_document(FIELDS), build_document(BEFORE)),
    ]
