import csv
import io

import pytest

pytestmark = pytest.mark.django_db

FORMAT_KEYS = {
    "code",
    "action_line",
    "name",
    "summary",
    "managed_by",
    "min_organisations",
    "min_countries",
    "min_eu_member_states",
    "duration_min_months",
    "duration_max_months",
    "max_participants",
    "lump_sums_eur",
    "max_grant_eur",
    "deadlines",
    "sources",
}


def test_formats_lists_all_fifteen_with_their_numbers(client):
    response = client.get("/api/v1/formats/")

    assert response.status_code == 200
    formats = {f["code"]: f for f in response.json()["formats"]}
    assert len(formats) == 15
    for fmt in formats.values():
        assert set(fmt) >= FORMAT_KEYS
        assert set(fmt["name"]) == {"nl", "en"} and all(fmt["name"].values())
        assert fmt["action_line"] in {"KA1", "KA2", "JM"}
        assert fmt["sources"] and all(source["url"] for source in fmt["sources"])
    assert formats["KA210-VET"]["lump_sums_eur"] == [30000, 60000]
    assert formats["KA220-VET"]["lump_sums_eur"] == [120000, 250000, 400000]
    assert formats["KA220-VET"]["min_organisations"] == 3
    assert formats["KA122-VET"]["max_participants"] == 30
    # Programme Guide 2026, p. 95: only for accredited organisations, 15 months, 24 at most.
    assert formats["KA121-VET"]["accredited_required"] is True
    assert formats["KA121-VET"]["duration_min_months"] == 15
    assert formats["KA121-VET"]["duration_max_months"] == 24
    assert formats["ERASMUS-EDU-PEX-COVE"]["max_grant_eur"] == 4000000
    assert formats["ERASMUS-EDU-PEX-COVE"]["managed_by"] == "eacea"
    deadline = formats["KA220-VET"]["deadlines"][-1]
    assert set(deadline) >= {"call_year", "round", "date", "time", "time_zone"}


def test_one_format(client):
    response = client.get("/api/v1/formats/KA122-VET/")

    assert response.status_code == 200
    assert response.json()["duration_min_months"] == 6
    assert response.json()["duration_max_months"] == 18


def test_unknown_format_is_a_json_404(client):
    response = client.get("/api/v1/formats/KA999/")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert "KA999" in response.json()["errors"]["code"][0]


def test_countries_in_the_programme_have_agencies(client):
    countries = client.get("/api/v1/countries/").json()["countries"]

    programme = [c for c in countries if c["status"] in {"eu_member", "associated"}]
    states = [c for c in programme if c["member_state"] is None]
    assert len(states) == 33
    assert all(c["agencies"] for c in states)
    # Territories take part as their member state, whose agencies take their applications.
    curacao = next(c for c in countries if c["code"] == "CW")
    assert (curacao["status"], curacao["member_state"], curacao["agencies"]) == (
        "eu_member",
        "NL",
        [],
    )
    belgium = next(c for c in countries if c["code"] == "BE")
    assert sorted(a["community"] for a in belgium["agencies"]) == ["de", "fr", "nl"]
    assert belgium["name"] == {"nl": "België", "en": "Belgium"}


def test_agencies(client):
    agencies = client.get("/api/v1/agencies/").json()["agencies"]

    assert {a["kind"] for a in agencies} == {"national_agency", "eacea"}
    assert all(a["url"].startswith("https://") for a in agencies)


@pytest.mark.parametrize(
    ("path", "key", "header"),
    [
        ("/api/v1/formats/", "formats", {"code", "name_nl", "name_en", "lump_sums_eur"}),
        ("/api/v1/countries/", "countries", {"code", "name_nl", "name_en", "status", "agencies"}),
        ("/api/v1/agencies/", "agencies", {"code", "name", "kind", "url"}),
    ],
)
def test_csv_has_a_header_and_a_row_per_record(client, path, key, header):
    rows_in_json = len(client.get(path).json()[key])

    response = client.get(path, {"format": "csv"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert header <= set(rows[0])
    assert len(rows) == rows_in_json


def test_csv_joins_lump_sums(client):
    response = client.get("/api/v1/formats/", {"format": "csv"})
    rows = {r["code"]: r for r in csv.DictReader(io.StringIO(response.content.decode()))}

    assert rows["KA220-VET"]["lump_sums_eur"] == "120000; 250000; 400000"


@pytest.mark.parametrize("value", ["xml", "", "<script>", "csv" * 100])
def test_unknown_output_format_is_a_400_with_a_message(client, value):
    response = client.get("/api/v1/formats/", {"format": value})

    assert response.status_code == 400
    assert response.json()["errors"]["format"][0]


def test_api_is_read_only(client):
    assert client.post("/api/v1/formats/").status_code == 405


def test_every_non_associated_country_has_a_region_or_a_note(client):
    response = client.get("/api/v1/countries/", headers={"Accept-Language": "en"})
    countries = response.json()["countries"]

    outside = [c for c in countries if c["status"] == "non_associated"]
    placed = [c for c in outside if c["region"] is not None]
    assert len(placed) == 169  # Programme Guide 2026, pp. 34-36
    assert all(c["region_note"] is None for c in placed)
    assert all(c["region_note"] for c in outside if c["region"] is None)
    kenya = next(c for c in outside if c["code"] == "KE")
    assert kenya["region"] == 9
    jersey = next(c for c in outside if c["code"] == "JE")
    assert "none of the regions" in jersey["region_note"]


def test_sources_give_a_readable_label_and_no_editors_note(client):
    data = client.get("/api/v1/formats/KA220-VET/", headers={"Accept-Language": "en"}).json()

    assert data["sources"][0]["label"] == "Programme Guide 2026, p. 236"
    assert data["sources"][0]["url"].endswith("programme-guide-2026_en.pdf#page=236")
    assert all("note" not in source for source in data["sources"])
