"""Run by test_calls_migration.py in a process of its own, on a database of its own.

Migrates to the schema before calls, adds a country and a format with an editor's change in
their history, migrates to the latest schema and prints what became of them as JSON.
"""

import datetime
import json

import django
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader

BEFORE = ("opportunities", "0009_territories_offer_and_ranges")


def moment(day):
    return datetime.datetime(2026, 3, day, 12, tzinfo=datetime.UTC)


def add_old_records():
    apps = MigrationLoader(connection).project_state(BEFORE).apps
    model = lambda name: apps.get_model("opportunities", name)  # noqa: E731
    User = apps.get_model("auth", "User")
    eva = User.objects.create(username="eva")
    swiss = {"code": "CH", "name_nl": "Zwitserland", "name_en": "Switzerland", "region": None}
    source = {"source_url": "https://example.org/ch", "source_note": "note", "confirmed": True}
    model("Country").objects.create(status="associated", **swiss, **source)
    history = model("HistoricalCountry").objects
    history.create(
        status="non_associated", history_date=moment(1), history_type="+", **swiss, **source
    )
    history.create(
        status="associated",
        history_date=moment(2),
        history_type="~",
        history_user_id=eva.pk,
        history_change_reason="editor",
        **swiss,
        **source,
    )
    line = model("ActionLine").objects.create(code="KA2", name_nl="KA2", name_en="KA2")
    fmt = model("Format").objects.create(
        code="KA220-VET",
        name_nl="Samenwerking",
        name_en="Cooperation",
        action_line=line,
        managed_by="national_agency",
        min_organisations=4,
    )
    model("HistoricalFormat").objects.create(
        id=fmt.pk,
        code="KA220-VET",
        name_nl="Samenwerking",
        name_en="Cooperation",
        action_line_id=line.pk,
        managed_by="national_agency",
        min_organisations=4,
        history_date=moment(3),
        history_type="~",
        history_user_id=eva.pk,
    )


def what_became_of_them():
    from opportunities.models import Call, CountryStatus, Format

    status = CountryStatus.objects.get(country="CH")
    return {
        "calls": list(Call.objects.values_list("year", "state")),
        "status": [status.call_id, status.status, status.region, status.source_url],
        "status_history": [
            [h.status, h.history_type, h.history_user.username if h.history_user else None]
            for h in status.history.order_by("history_date")
        ],
        "format": [Format.objects.get().call_id, Format.objects.get().min_organisations],
        "format_history": [
            [h.call_id, h.min_organisations, h.history_user.username] for h in Format.history.all()
        ],
    }


if __name__ == "__main__":
    django.setup()
    call_command("migrate", *BEFORE, verbosity=0)
    add_old_records()
    call_command("migrate", verbosity=0)
    print(json.dumps(what_became_of_them()))
