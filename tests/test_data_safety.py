"""Backups reproduce the programme exactly, and migrations go back and forth without loss."""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from opportunities.models import Agency, Country, Deadline, Format, GrantTier


def snapshot(client):
    return {
        path: client.get(path).json()
        for path in ("/api/v1/formats/", "/api/v1/countries/", "/api/v1/agencies/")
    }


def programme_rows():
    return sum(model.objects.count() for model in (Format, GrantTier, Deadline, Country, Agency))


@pytest.mark.django_db
def test_backup_and_restore_reproduce_the_programme(client, tmp_path):
    Format.objects.filter(code="KA220-VET").update(min_organisations=4)  # an editor's change
    before = snapshot(client)
    backup = tmp_path / "programme.json"
    call_command(
        "dumpdata",
        "opportunities",
        "--natural-foreign",
        output=str(backup),
    )
    for model in (GrantTier, Deadline, Format):
        model.objects.all().delete()

    call_command("loaddata", str(backup), stdout=io.StringIO())

    assert snapshot(client) == before
    assert Format.objects.get(code="KA220-VET").min_organisations == 4


@pytest.mark.django_db(transaction=True)
def test_migrations_reverse_and_reapply_without_losing_data(client):
    call_command("load_programme", stdout=io.StringIO())
    Format.objects.filter(code="KA220-VET").update(min_organisations=4)
    before = snapshot(client), programme_rows()
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes("opportunities")

    call_command("migrate", "opportunities", "0001", verbosity=0)
    call_command("migrate", "opportunities", latest[0][1], verbosity=0)

    assert (snapshot(client), programme_rows()) == before
