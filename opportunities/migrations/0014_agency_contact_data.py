from django.db import migrations

# The agencies' contact details as their official pages give them (fixtures/agencies.json names
# the pages in its notes), so that going back past 0012 and forward again keeps them.
CONTACTS = {
    "at": {
        "email": "info@oead.at",
        "phone": "+43 1 53408-0",
        "address": "Ebendorferstraße 7\n1010 Wien\nAustria",
        "contact_source_url": "https://hmis2030.at/footermenue/datenschutz.html",
    },
    "bg": {
        "email": "",
        "phone": "",
        "address": "ул. „Граф Игнатиев“ №15, ет. 4\nСофия 1000 (район „Средец“)\nBulgaria",
        "contact_source_url": "http://www.hrdc.bg/%D1%81%D1%82%D1%80/%D0%BE%D0%B1%D1%89%D0%B0-%D0%B8%D0%BD%D1%84%D0%BE%D1%80%D0%BC%D0%B0%D1%86%D0%B8%D1%8F-55",
    },
    "dk": {
        "email": "sfu@ufm.dk",
        "phone": "+45 35 44 62 00",
        "address": "Haraldsgade 53\n2100 København Ø\nDenmark",
        "contact_source_url": "https://ufm.dk/uddannelse/tilskud-til-udveksling-og-internationale-projekter/arrangementer/behandling-af-personoplysninger/general-information-about-the-rules-of-processing-personal-data",
    },
    "ee": {
        "email": "eeagentuur@harno.ee",
        "phone": "",
        "address": "",
        "contact_source_url": "https://eeagentuur.ee/projektitegijale/kusimused-ja-vastused/",
    },
    "fi": {
        "email": "kirjaamo@oph.fi",
        "phone": "+358 29 5331000",
        "address": "Hakaniemenranta 6\n00530 Helsinki\nFinland",
        "contact_source_url": "https://www.oph.fi/en/privacy-statement-event-management-system",
    },
    "fr": {
        "email": "",
        "phone": "",
        "address": "9 rue des Gamins\nCS 71965\n33088 Bordeaux Cedex\nFrance",
        "contact_source_url": "https://agence.erasmusplus.fr/en//mentions-legales",
    },
    "hr": {
        "email": "",
        "phone": "",
        "address": "Frankopanska 26\n10000 Zagreb\nCroatia",
        "contact_source_url": "https://ampeu.hr/novosti/prijava-nepravilnosti",
    },
    "hu": {
        "email": "info@tpf.hu",
        "phone": "+36 1 237 1300",
        "address": "Kéthly Anna tér 1\n1077 Budapest\nHungary",
        "contact_source_url": "https://tka.hu/celcsoport/103/kozerdeku-adatok",
    },
    "ie": {
        "email": "",
        "phone": "",
        "address": "King's Inns House\nParnell Street\nDublin 1\nD01 A3Y8\nIreland",
        "contact_source_url": "https://www.leargas.ie/freedom-information/",
    },
    "is": {
        "email": "erasmusplus@rannis.is",
        "phone": "",
        "address": "",
        "contact_source_url": "https://erasmusplus.is/frettir-og-vidburdir/frettir/nyjar-reglur-um-hamark-umsokna-um-samstarfsverkefni",
    },
    "no": {
        "email": "",
        "phone": "",
        "address": "Postboks 1093\nNO-5809 Bergen\nNorway",
        "contact_source_url": "https://hkdir.no/en/about-us",
    },
    "rs": {
        "email": "",
        "phone": "",
        "address": "ul. Žabljačka 12\n11000 Beograd\nSerbia",
        "contact_source_url": "https://tempus.ac.rs/o-nama/mogucnosti-zalbe/",
    },
    "se": {
        "email": "erasmusplus@uhr.se",
        "phone": "",
        "address": "",
        "contact_source_url": "https://www.utbyten.se/program/erasmus-utomeuropeisk-mobilitet-hogre-utbildning/att-tanka-pa-infor-ansokan/",
    },
    "si": {
        "email": "",
        "phone": "+386 1 620 94 50",
        "address": "Ob železnici 30a\n1000 Ljubljana\nSlovenia",
        "contact_source_url": "https://epale.ec.europa.eu/en/nss/national-support-services-slovenia",
    },
}


def fill(apps, schema_editor):
    """Fill the contact details where an editor has entered none."""
    Agency = apps.get_model("opportunities", "Agency")
    for agency in Agency.objects.filter(code__in=CONTACTS, email="", phone="", address=""):
        for name, value in CONTACTS[agency.code].items():
            setattr(agency, name, value)
        agency.save()


class Migration(migrations.Migration):
    dependencies = [("opportunities", "0013_accredited_required")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
