from django.db import migrations, models


NOTE = (
    "Programme Guide 2026, p. 34: third country not associated to the Programme, Region 2, "
    'Neighbourhood East (listed as "Georgia").'
)
FOOTNOTE = (
    "Footnote 46 (p. 34): Georgian authorities (central government, local authorities, agencies "
    "and state-owned enterprises) are not eligible under any action."
)


def exclude_georgian_authorities(apps, schema_editor):
    """Programme Guide 2026, p. 34, footnote 46: Georgian authorities take part in no action."""
    CountryStatus = apps.get_model("opportunities", "CountryStatus")
    georgia = CountryStatus.objects.filter(call_id=2026, country_id="GE")
    georgia.update(authorities_excluded=True)
    georgia.filter(source_note=NOTE).update(source_note=f"{NOTE} {FOOTNOTE}")


class Migration(migrations.Migration):
    dependencies = [
        ("opportunities", "0015_official_deadline_sources"),
    ]

    operations = [
        migrations.AddField(
            model_name="countrystatus",
            name="authorities_excluded",
            field=models.BooleanField(
                default=False,
                help_text="The country's authorities (central government, local authorities, agencies and state-owned enterprises) may not take part in any action, as the Programme Guide 2026 says of Georgia (p. 34, footnote 46). Other organisations from it may.",
                verbose_name="authorities excluded",
            ),
        ),
        migrations.AddField(
            model_name="historicalcountrystatus",
            name="authorities_excluded",
            field=models.BooleanField(
                default=False,
                help_text="The country's authorities (central government, local authorities, agencies and state-owned enterprises) may not take part in any action, as the Programme Guide 2026 says of Georgia (p. 34, footnote 46). Other organisations from it may.",
                verbose_name="authorities excluded",
            ),
        ),
        migrations.RunPython(exclude_georgian_authorities, migrations.RunPython.noop),
    ]
