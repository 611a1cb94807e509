from django.db import migrations

# Agencies cited through a foreign office's page (EACEA) and a news site (SEPIE): the Programme
# Guide and a government page instead. A row changes only while it still cites the old page.
SOURCES = {
    "eacea": (
        "https://erasmusplus.am/network-of-neos-and-nas/",
        {
            "source_url": "https://erasmus-plus.ec.europa.eu/sites/default/files/2025-11/programme-guide-2026_en.pdf#page=19",
            "source_note": (
                "Manages the centralised actions through the Funding & Tenders Portal: European-NGO "
                "cooperation partnerships, CoVEs, Alliances for Innovation, Forward-looking projects,"
                " CB-VET and Jean Monnet (facts 0.4) [S1], [S43], [S47], [S60], [S31b]. Programme "
                "Guide 2026, p. 19: EACEA implements a number of actions in direct management; their "
                "calls and forms are on the Funding & Tenders Portal. (Search tool, 3 December 2026.)"
            ),
        },
    ),
    "es": (
        "https://www.que.es/2022/03/09/sepie-solicitudes-proyectos-movilidad-erasmus/",
        {
            "source_url": "https://www.csd.gob.es/test.php/en/taxonomy/term/54/programa-erasmus",
            "source_note": (
                "Name confirmed: SEPIE is the Erasmus+ NA for education and training [S21] (also "
                "csd.gob.es). Website www.sepie.es only from third-party pages (C3) [A34]; no "
                "official page confirming it was found with the search tool, so unconfirmed. Source: "
                "the Spanish government's Consejo Superior de Deportes: 'The national agency in spain"
                " is The Spanish service for Internationalization of education (SEPIE)'. (Search "
                "tool, 3 December 2026.)"
            ),
        },
    ),
}


def cite_official_sources(apps, schema_editor):
    Agency = apps.get_model("opportunities", "Agency")
    for code, (old_url, fields) in SOURCES.items():
        Agency.objects.filter(code=code, source_url=old_url).update(**fields)


class Migration(migrations.Migration):
    dependencies = [("opportunities", "0016_authorities_excluded")]

    operations = [migrations.RunPython(cite_official_sources, migrations.RunPython.noop)]
