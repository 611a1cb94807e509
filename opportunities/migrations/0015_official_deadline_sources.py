from django.db import migrations

# Past deadlines whose source was an aggregator or a course seller: the Official Journal call
# (as a university page quotes it) or a European Commission page instead, with the time it gives.
# A row is changed only while it still cites the old page, so an editor's own source stays.
UV_2023 = "https://www.uv.es/uvweb/universitat/ca/relacions-internacionals/relacions-internacionals/projectes-erasmus-/convocatoria-actual-1285950717006.html"
UV_2024 = "https://www.uv.es/uvweb/college/en/international-relations/international-relations/projects/erasmus-/calls-1285950717006.html"
SOURCES = {
    ("KA122-VET", 2023, 1): (
        "https://www.readkong.com/page/application-programme-european-union-4609470",
        {
            "time": "12:00:00",
            "confirmed": True,
            "source_url": UV_2023,
            "source_note": (
                "Call for proposals 2023 – EAC/A10/2022, Erasmus+ Programme (OJ 2022/C 444/07), as "
                "the University of Valencia's page (source_url) quotes its list of deadlines: "
                "mobility of individuals in education and training, 23 February 2023 at 12:00. "
                "(Search tool, 3 December 2026.)"
            ),
        },
    ),
    ("KA210-VET", 2023, 1): (
        "https://www.teacheracademy.eu/erasmus-plus/funding-deadlines/",
        {
            "time": "12:00:00",
            "confirmed": True,
            "source_url": UV_2023,
            "source_note": (
                "Call for proposals 2023 – EAC/A10/2022, Erasmus+ Programme (OJ 2022/C 444/07), as "
                "the University of Valencia's page (source_url) quotes its list of deadlines: "
                "small-scale partnerships, 22 March 2023 at 12:00. (Search tool, 3 December 2026.)"
            ),
        },
    ),
    ("KA220-VET", 2023, 1): (
        "https://www.teacheracademy.eu/erasmus-plus/funding-deadlines/",
        {
            "time": "12:00:00",
            "confirmed": True,
            "source_url": UV_2023,
            "source_note": (
                "Call for proposals 2023 – EAC/A10/2022, Erasmus+ Programme (OJ 2022/C 444/07), as "
                "the University of Valencia's page (source_url) quotes its list of deadlines: "
                "cooperation partnerships in education, training and youth, 22 March 2023 at 12:00. "
                "(Search tool, 3 December 2026.)"
            ),
        },
    ),
    ("ERASMUS-EDU-PI-FORWARD", 2023, 1): (
        "https://www.developmentaid.org/grants/view/1040645",
        {
            "time": "17:00:00",
            "confirmed": True,
            "source_url": UV_2023,
            "source_note": (
                "Call for proposals 2023 – EAC/A10/2022, Erasmus+ Programme (OJ 2022/C 444/07), as "
                "the University of Valencia's page (source_url) quotes its list of deadlines: "
                "forward-looking projects, 15 March 2023 at 17:00. (Search tool, 3 December 2026.)"
            ),
        },
    ),
    ("KA120-VET", 2024, 1): (
        "https://www.teacheracademy.eu/erasmus-plus/funding-deadlines/",
        {
            "time": "12:00:00",
            "confirmed": True,
            "source_url": UV_2024,
            "source_note": (
                "Call for proposals 2024 – EAC/A07/2023, Erasmus+ Programme (OJ C/2023/1262), as the "
                "University of Valencia's page (source_url) quotes its list of deadlines: Erasmus "
                "accreditations in VET, school education and adult education, 1 October 2024 at "
                "12.00. (Search tool, 3 December 2026.)"
            ),
        },
    ),
    ("KA122-VET", 2024, 1): (
        "https://1.brf.be/sendungen/lifeline/1149225",
        {
            "time": "12:00:00",
            "confirmed": True,
            "source_url": UV_2024,
            "source_note": (
                "Call for proposals 2024 – EAC/A07/2023, Erasmus+ Programme (OJ C/2023/1262), as the "
                "University of Valencia's page (source_url) quotes its list of deadlines: mobility of"
                " individuals in VET, school education and adult education fields, 20 February 2024 "
                "at 12.00. (Search tool, 3 December 2026.)"
            ),
        },
    ),
    ("KA210-VET", 2024, 1): (
        "https://www.teacheracademy.eu/erasmus-plus/funding-deadlines/",
        {
            "time": "12:00:00",
            "confirmed": True,
            "source_url": UV_2024,
            "source_note": (
                "Call for proposals 2024 – EAC/A07/2023, Erasmus+ Programme (OJ C/2023/1262), as the "
                "University of Valencia's page (source_url) quotes its list of deadlines: small-scale"
                " partnerships in school education, VET, adult education and youth, 5 March 2024 at "
                "12:00. (Search tool, 3 December 2026.)"
            ),
        },
    ),
    ("KA210-VET", 2024, 2): (
        "https://www.teacheracademy.eu/erasmus-plus/funding-deadlines/",
        {
            "time": "12:00:00",
            "confirmed": True,
            "source_url": UV_2024,
            "source_note": (
                "Call for proposals 2024 – EAC/A07/2023, Erasmus+ Programme (OJ C/2023/1262), as the "
                "University of Valencia's page (source_url) quotes its list of deadlines: small-scale"
                " partnerships in school education, VET, adult education and youth, 1 October 2024 at"
                " 12.00. (Search tool, 3 December 2026.)"
            ),
        },
    ),
    ("KA220-VET", 2024, 1): (
        "https://www.teacheracademy.eu/erasmus-plus/funding-deadlines/",
        {
            "time": "12:00:00",
            "confirmed": True,
            "source_url": UV_2024,
            "source_note": (
                "Call for proposals 2024 – EAC/A07/2023, Erasmus+ Programme (OJ C/2023/1262), as the "
                "University of Valencia's page (source_url) quotes its list of deadlines: cooperation"
                " partnerships in education, training and youth, except those of European NGOs, 5 "
                "March 2024 at 12:00. (Search tool, 3 December 2026.)"
            ),
        },
    ),
    ("ERASMUS-EDU-CB-VET", 2024, 1): (
        "https://timemachine.eu/funding-opts/erasmus-capacity-building-in-the-field-of-vocational-education-and-training-vet",
        {
            "time": "17:00:00",
            "confirmed": True,
            "source_url": "https://capacity4dev.europa.eu/groups/employment/info_en",
            "source_note": (
                "European Commission, capacity4dev: 'Erasmus+ call 2024: Capacity building in the "
                "field of VET (CB VET) … by 29 February at 17:00:00 (Brussels time).' (Search tool, 3"
                " December 2026.)"
            ),
        },
    ),
    ("ERASMUS-EDU-CB-VET", 2025, 1): (
        "https://fundsforindividuals.fundsforngos.org/grants/open-call-capacity-building-in-vet-in-neighbourhood-east/",
        {
            "time": "17:00:00",
            "confirmed": True,
            "source_url": "https://pact-for-skills.ec.europa.eu/stakeholders-and-business/funding-opportunities/capacity-building-field-vocational-education-and-training-vet-sub-saharan-africa-latin-america_en",
            "source_note": (
                "European Commission, Pact for Skills: 'Deadline date 27 February 2025, 17:00 (CET)',"
                " published 6 January 2025. (Search tool, 3 December 2026.)"
            ),
        },
    ),
    ("ERASMUS-JMO-OFET-TT", 2023, 1): (
        "https://www.fundingprogrammesportal.gov.cy/en/call/jean-monnet-actions-for-other-fields-of-education-and-training-teacher-trainin/",
        {
            "time": "17:00:00",
            "confirmed": True,
            "source_url": "https://pact-for-skills.ec.europa.eu/stakeholders-and-business/funding-opportunities/jean-monnet-actions-other-fields-education-and-training-teacher-training_et",
            "source_note": (
                "European Commission, Pact for Skills: 'Deadline date 14 February 2023, 17:00 (CET)',"
                " published 1 December 2022; funded by EACEA. (Search tool, 3 December 2026.)"
            ),
        },
    ),
}


def cite_official_sources(apps, schema_editor):
    Deadline = apps.get_model("opportunities", "Deadline")
    for (code, year, number), (old_url, fields) in SOURCES.items():
        Deadline.objects.filter(
            format__code=code, call_year=year, round=number, source_url=old_url
        ).update(**fields)


class Migration(migrations.Migration):
    dependencies = [("opportunities", "0014_agency_contact_data")]

    operations = [migrations.RunPython(cite_official_sources, migrations.RunPython.noop)]
