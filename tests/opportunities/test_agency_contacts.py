"""An agency's contact details, as an editor enters them, on the agencies page and in the API."""

import pytest

from opportunities.models import Agency

pytestmark = pytest.mark.django_db


@pytest.fixture
def contact():
    agency = Agency.objects.get(code="be-nl")
    agency.email = "info@agency.example"
    agency.phone = "+32 (0)2 123 45 67"
    agency.address = "Straat 1\n1000 Brussel"
    agency.contact_source_url = "https://agency.example/contact"
    agency.save()
    return agency


def test_the_agencies_page_links_e_mail_and_phone(client, contact):
    text = client.get("/nl/agencies/").text

    assert '<a href="mailto:info@agency.example">info@agency.example</a>' in text
    assert '<a href="tel:+3221234567">+32 (0)2 123 45 67</a>' in text
    assert "Straat 1<br>1000 Brussel" in text
    assert '<a href="https://agency.example/contact">agency.example</a>' in text


def test_the_api_gives_the_contact_details(client, contact):
    agencies = client.get("/api/v1/agencies/").json()
    found = next(a for a in (agencies.get("agencies") or agencies) if a["code"] == "be-nl")

    assert found["email"] == "info@agency.example"
    assert found["phone"] == "+32 (0)2 123 45 67"
    assert found["contact_source_url"] == "https://agency.example/contact"


def test_an_agency_without_contact_details_shows_no_empty_block(client):
    assert Agency.objects.filter(email="", phone="", address="").exists()
    text = client.get("/nl/agencies/").text

    assert '<address class="agency-contact">\n  \n' not in text


def test_every_contact_detail_in_the_data_names_the_page_that_gives_it():
    with_contacts = Agency.objects.exclude(email="", phone="", address="")

    assert with_contacts.exists()
    for agency in with_contacts:
        assert agency.contact_source_url.startswith(("https://", "http://")), agency.code
