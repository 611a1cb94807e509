from pathlib import Path

from django.conf import settings
from django.core import serializers
from django.core.management.base import BaseCommand
from django.db import transaction

# In dependency order: a record's references are loaded before it.
FIXTURES = [
    "calls",
    "countries",
    "agencies",
    "action_lines",
    "formats",
    "terms",
    "content",
    "rates",
]


class Command(BaseCommand):
    help = (
        "Load the Erasmus+ programme from fixtures/. Creates missing records; where the "
        "database differs from a fixture (an editor changed it), lists the difference and keeps "
        "the database value unless --overwrite is given."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--overwrite",
            action="store_true",
            help="Replace differing database values with the fixture values.",
        )

    @transaction.atomic
    def handle(self, *args, overwrite=False, **options):
        counts = {"created": 0, "unchanged": 0, "differing": 0, "overwritten": 0}
        forward = []
        for name in FIXTURES:
            path = Path(settings.FIXTURE_DIRS[0]) / f"{name}.json"
            with path.open(encoding="utf-8") as fixture:
                items = serializers.deserialize("json", fixture, handle_forward_references=True)
                for item in items:
                    outcome = self.load(item, overwrite)
                    counts[outcome] += 1
                    if item.deferred_fields and outcome in {"created", "overwritten"}:
                        forward.append(item)
        # References to records later in the fixtures (e.g. a format's alternatives).
        for item in forward:
            item.save_deferred_fields()
        summary = ", ".join(f"{number} {label}" for label, number in counts.items())
        self.stdout.write(f"Programme loaded: {summary}.")
        if counts["differing"]:
            self.stdout.write("Run again with --overwrite to apply the fixture values.")

    def load(self, item, overwrite):
        """Save one fixture record as the rules above say; return what happened to it."""
        new = item.object
        model = type(new)
        existing = model._default_manager.filter(pk=new.pk).first() if new.pk else None
        if existing is None:
            self.save(item, "created by load_programme")
            return "created"
        differences = diff(existing, item)
        if not differences:
            return "unchanged"
        label = f"{model._meta.verbose_name} {existing}"
        for field, database, fixture in differences:
            self.stdout.write(f"{label}: {field}: database {database!r}, fixture {fixture!r}")
        if not overwrite:
            return "differing"
        self.save(item, "overwritten by load_programme --overwrite")
        return "overwritten"

    def save(self, item, reason):
        item.object._change_reason = reason
        item.object.save()
        for field_name, values in item.m2m_data.items():
            getattr(item.object, field_name).set(values)


def diff(existing, item):
    """List (field, database value, fixture value) for every field where the two differ."""
    new = item.object
    if hasattr(new, "normalise_lists"):  # compare lists in the order saving puts them in
        new.normalise_lists()
    differences = [
        (field.name, getattr(existing, field.attname), getattr(new, field.attname))
        for field in existing._meta.concrete_fields
        if not field.primary_key and getattr(existing, field.attname) != getattr(new, field.attname)
    ]
    for field_name, values in item.m2m_data.items():
        database = sorted(
            str(pk) for pk in getattr(existing, field_name).values_list("pk", flat=True)
        )
        fixture = sorted(str(pk) for pk in values)
        if database != fixture:
            differences.append((field_name, database, fixture))
    return differences
