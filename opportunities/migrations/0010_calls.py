"""Calls as data: today's programme becomes the published call 2026.

Formats get their call; each country's status and region move to a status per call, with the
history of each country's status carried over, so no editor's change is lost.
"""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


FIRST_CALL = 2026
STATUS_FIELDS = ("status", "region", "confirmed", "source_url", "source_note")
HISTORY_FIELDS = ("history_date", "history_user_id", "history_type", "history_change_reason")


def create_first_call(apps, schema_editor):
    apps.get_model("opportunities", "Call").objects.create(year=FIRST_CALL, state="published")


def move_country_statuses(apps, schema_editor):
    """Give every country its status in the first call, with the history of that status."""
    Country = apps.get_model("opportunities", "Country")
    CountryStatus = apps.get_model("opportunities", "CountryStatus")
    HistoricalCountry = apps.get_model("opportunities", "HistoricalCountry")
    HistoricalCountryStatus = apps.get_model("opportunities", "HistoricalCountryStatus")
    ids = {}
    for country in Country.objects.order_by("code"):
        status = CountryStatus.objects.create(
            call_id=FIRST_CALL,
            country_id=country.code,
            **{name: getattr(country, name) for name in STATUS_FIELDS},
        )
        ids[country.code] = status.id
    HistoricalCountryStatus.objects.bulk_create(
        HistoricalCountryStatus(
            id=ids[record.code],
            call_id=FIRST_CALL,
            country_id=record.code,
            **{name: getattr(record, name) for name in STATUS_FIELDS + HISTORY_FIELDS},
        )
        for record in HistoricalCountry.objects.order_by("history_id")
        if record.code in ids
    )


def restore_country_statuses(apps, schema_editor):
    Country = apps.get_model("opportunities", "Country")
    for status in apps.get_model("opportunities", "CountryStatus").objects.filter(
        call_id=FIRST_CALL
    ):
        Country.objects.filter(code=status.country_id).update(
            **{name: getattr(status, name) for name in STATUS_FIELDS}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("opportunities", "0009_territories_offer_and_ranges"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Call",
            fields=[
                (
                    "year",
                    models.PositiveSmallIntegerField(
                        help_text="The year of the call, e.g. 2026.",
                        primary_key=True,
                        serialize=False,
                        verbose_name="year",
                    ),
                ),
                (
                    "state",
                    models.CharField(
                        choices=[("draft", "Draft: editors only"), ("published", "Published")],
                        default="draft",
                        max_length=20,
                        verbose_name="state",
                    ),
                ),
                (
                    "published_at",
                    models.DateTimeField(
                        blank=True, editable=False, null=True, verbose_name="published at"
                    ),
                ),
            ],
            options={
                "verbose_name": "call",
                "verbose_name_plural": "calls",
                "ordering": ["-year"],
            },
        ),
        migrations.RunPython(create_first_call, migrations.RunPython.noop),
        migrations.CreateModel(
            name="CountryStatus",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "source_url",
                    models.URLField(
                        blank=True,
                        help_text="Where the facts come from.",
                        max_length=500,
                        verbose_name="source URL",
                    ),
                ),
                (
                    "source_note",
                    models.TextField(
                        blank=True,
                        help_text="Which part of the source, the call year, and any conflict between sources.",
                        verbose_name="source note",
                    ),
                ),
                (
                    "confirmed",
                    models.BooleanField(
                        default=True,
                        help_text="Untick when an official source does not state these facts. Pages and the checker then say “check with your National Agency”.",
                        verbose_name="confirmed",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("eu_member", "EU member state"),
                            ("associated", "Third country associated to the programme"),
                            ("non_associated", "Third country not associated to the programme"),
                        ],
                        default="non_associated",
                        help_text="Only organisations from EU member states and associated countries apply.",
                        max_length=20,
                        verbose_name="status",
                    ),
                ),
                (
                    "region",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        help_text="Region of a non-associated third country in the Programme Guide (1 Western Balkans, 2 Neighbourhood East, 3 South-Mediterranean, 4 Russia, …). Empty when unknown.",
                        null=True,
                        verbose_name="region",
                    ),
                ),
            ],
            options={
                "verbose_name": "country status",
                "verbose_name_plural": "country statuses",
                "ordering": ["-call", "country"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalCall",
            fields=[
                (
                    "year",
                    models.PositiveSmallIntegerField(
                        db_index=True,
                        help_text="The year of the call, e.g. 2026.",
                        verbose_name="year",
                    ),
                ),
                (
                    "state",
                    models.CharField(
                        choices=[("draft", "Draft: editors only"), ("published", "Published")],
                        default="draft",
                        max_length=20,
                        verbose_name="state",
                    ),
                ),
                (
                    "published_at",
                    models.DateTimeField(
                        blank=True, editable=False, null=True, verbose_name="published at"
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
            ],
            options={
                "verbose_name": "historical call",
                "verbose_name_plural": "historical calls",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalCountryStatus",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "source_url",
                    models.URLField(
                        blank=True,
                        help_text="Where the facts come from.",
                        max_length=500,
                        verbose_name="source URL",
                    ),
                ),
                (
                    "source_note",
                    models.TextField(
                        blank=True,
                        help_text="Which part of the source, the call year, and any conflict between sources.",
                        verbose_name="source note",
                    ),
                ),
                (
                    "confirmed",
                    models.BooleanField(
                        default=True,
                        help_text="Untick when an official source does not state these facts. Pages and the checker then say “check with your National Agency”.",
                        verbose_name="confirmed",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("eu_member", "EU member state"),
                            ("associated", "Third country associated to the programme"),
                            ("non_associated", "Third country not associated to the programme"),
                        ],
                        default="non_associated",
                        help_text="Only organisations from EU member states and associated countries apply.",
                        max_length=20,
                        verbose_name="status",
                    ),
                ),
                (
                    "region",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        help_text="Region of a non-associated third country in the Programme Guide (1 Western Balkans, 2 Neighbourhood East, 3 South-Mediterranean, 4 Russia, …). Empty when unknown.",
                        null=True,
                        verbose_name="region",
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
            ],
            options={
                "verbose_name": "historical country status",
                "verbose_name_plural": "historical country statuses",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.RemoveConstraint(
            model_name="country",
            name="country_region_only_for_non_associated",
        ),
        migrations.RemoveConstraint(
            model_name="format",
            name="format_one_plannable",
        ),
        migrations.AlterField(
            model_name="format",
            name="code",
            field=models.CharField(
                help_text="The official action code, e.g. KA220-VET: the same in every call.",
                max_length=60,
                verbose_name="code",
            ),
        ),
        migrations.AlterField(
            model_name="historicalformat",
            name="code",
            field=models.CharField(
                help_text="The official action code, e.g. KA220-VET: the same in every call.",
                max_length=60,
                verbose_name="code",
            ),
        ),
        migrations.AddConstraint(
            model_name="call",
            constraint=models.CheckConstraint(
                condition=models.Q(("year__gte", 2021), ("year__lte", 2100)),
                name="call_year_in_range",
            ),
        ),
        migrations.AddField(
            model_name="format",
            name="call",
            field=models.ForeignKey(
                default=2026,
                help_text="The call whose rules and grants these are.",
                on_delete=django.db.models.deletion.PROTECT,
                related_name="formats",
                to="opportunities.call",
                verbose_name="call",
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="historicalformat",
            name="call",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                default=2026,
                help_text="The call whose rules and grants these are.",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="opportunities.call",
                verbose_name="call",
            ),
            preserve_default=False,
        ),
        migrations.AddConstraint(
            model_name="format",
            constraint=models.UniqueConstraint(
                fields=("call", "code"), name="format_unique_in_call"
            ),
        ),
        migrations.AddConstraint(
            model_name="format",
            constraint=models.UniqueConstraint(
                condition=models.Q(("plannable", True)),
                fields=("call", "plannable"),
                name="format_one_plannable",
                violation_error_message="Another format of this call is already planned by the mobility planner: untick it there first.",
            ),
        ),
        migrations.AddField(
            model_name="countrystatus",
            name="call",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="country_statuses",
                to="opportunities.call",
                verbose_name="call",
            ),
        ),
        migrations.AddField(
            model_name="countrystatus",
            name="country",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="statuses",
                to="opportunities.country",
                verbose_name="country",
            ),
        ),
        migrations.AddField(
            model_name="historicalcall",
            name="history_user",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="historicalcountrystatus",
            name="call",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="opportunities.call",
                verbose_name="call",
            ),
        ),
        migrations.AddField(
            model_name="historicalcountrystatus",
            name="country",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="opportunities.country",
                verbose_name="country",
            ),
        ),
        migrations.AddField(
            model_name="historicalcountrystatus",
            name="history_user",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.RunPython(move_country_statuses, restore_country_statuses),
        migrations.RemoveField(
            model_name="historicalcountry",
            name="region",
        ),
        migrations.RemoveField(
            model_name="historicalcountry",
            name="status",
        ),
        migrations.RemoveField(
            model_name="country",
            name="region",
        ),
        migrations.RemoveField(
            model_name="country",
            name="status",
        ),
        migrations.AddConstraint(
            model_name="countrystatus",
            constraint=models.UniqueConstraint(
                fields=("call", "country"), name="country_status_unique"
            ),
        ),
        migrations.AddConstraint(
            model_name="countrystatus",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("region__isnull", True),
                    models.Q(("region__gte", 1), ("status", "non_associated")),
                    _connector="OR",
                ),
                name="country_region_only_for_non_associated",
            ),
        ),
    ]
