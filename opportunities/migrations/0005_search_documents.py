"""PostgreSQL only: a stored, weighted tsvector per searched table, with a GIN index.

The search (opportunities/search.py) reads ``search_document`` instead of building the vector
for every row of every query. The columns here must match ``search.KINDS``. SQLite, used for
development, has no tsvector: there the search matches substrings and this migration does
nothing.
"""

from django.db import migrations

# table: ((column, weight), ...) for the Dutch and English columns; a code in the simple config.
TABLES = {
    "opportunities_format": (("name", "A"), ("summary", "B"), ("description", "C")),
    "opportunities_term": (("name", "A"),),
    "opportunities_mobilityactivity": (("name", "A"), ("summary", "B"), ("conditions", "C")),
    "opportunities_costcategory": (("name", "A"), ("summary", "B"), ("description", "C")),
    "opportunities_exampleproject": (("name", "A"), ("summary", "B"), ("description", "C")),
}
CODES = {"opportunities_format": "code"}
CONFIGS = {"nl": "dutch", "en": "english"}


def document(table):
    parts = [
        f"setweight(to_tsvector('{config}'::regconfig, COALESCE({name}_{lang}, '')), '{weight}')"
        for name, weight in TABLES[table]
        for lang, config in CONFIGS.items()
    ]
    if table in CODES:
        parts.append(f"setweight(to_tsvector('simple'::regconfig, COALESCE({CODES[table]}, '')), 'A')")
    return " || ".join(parts)


def add(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(
            f"ALTER TABLE {table} ADD COLUMN search_document tsvector "
            f"GENERATED ALWAYS AS ({document(table)}) STORED"
        )
        schema_editor.execute(
            f"CREATE INDEX {table}_search ON {table} USING GIN (search_document)"
        )


def remove(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(f"ALTER TABLE {table} DROP COLUMN search_document")


class Migration(migrations.Migration):
    dependencies = [("opportunities", "0004_activity_rule_host_led")]

    operations = [migrations.RunPython(add, remove)]
