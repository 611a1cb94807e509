import csv
import io

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.urls import reverse

from opportunities.editors import GROUP_NAME
from opportunities.models import Agency, AgencyRate, Format, programme_models

pytestmark = pytest.mark.django_db

PROGRAMME_MODELS = programme_models()


@pytest.fixture
def editor(client):
    user = User.objects.create_user("eva", "eva@example.org", is_staff=True)
    user.groups.add(Group.objects.get(name=GROUP_NAME))
    client.force_login(user)
    return user


def admin_url(model, action="changelist", *args):
    return reverse(f"admin:opportunities_{model._meta.model_name}_{action}", args=args)


def form_data(response):
    """Return the POST data of an admin change form as the browser would send it unchanged."""
    data = {}
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        data.update(
            {management.add_prefix(name): value for name, value in management.initial.items()}
        )
        forms += formset.forms
    for form in forms:
        for name, field in form.fields.items():
            value = form.initial.get(name, field.initial)
            if callable(value):
                value = value()
            if value is None or value is False:
                continue
            if hasattr(value, "pk"):
                value = value.pk
            if (
                isinstance(value, (list, tuple))
                or hasattr(value, "__iter__")
                and not isinstance(value, str)
            ):
                value = [getattr(item, "pk", item) for item in value]
            data[form.add_prefix(name)] = value
    return data


@pytest.mark.parametrize("model", PROGRAMME_MODELS, ids=lambda m: m.__name__)
def test_editor_sees_every_programme_list_and_add_page(client, editor, model):
    assert client.get(admin_url(model)).status_code == 200
    assert client.get(admin_url(model, "add")).status_code == 200


@pytest.mark.parametrize("model", PROGRAMME_MODELS, ids=lambda m: m.__name__)
def test_editor_opens_a_record_and_its_history(client, editor, model):
    if model is AgencyRate:  # no agency's rate is in the fixtures
        AgencyRate.objects.create(
            agency=Agency.objects.get(code="nl"),
            call_year=2026,
            participant="learners",
            country_group=2,
            amount_eur=60,
        )
    record = model.objects.first()
    assert client.get(admin_url(model, "change", record.pk)).status_code == 200
    assert client.get(admin_url(model, "history", record.pk)).status_code == 200


def test_admin_search_and_filters_work(client, editor):
    response = client.get(admin_url(Format), {"q": "KA220", "managed_by__exact": "national_agency"})
    assert response.status_code == 200
    assert response.context["cl"].result_count == 1


@pytest.mark.parametrize("name", ["user", "group"])
def test_editor_cannot_manage_users_or_groups(client, editor, name):
    assert client.get(reverse(f"admin:auth_{name}_changelist")).status_code == 403
    assert client.get(reverse(f"admin:auth_{name}_add")).status_code == 403


def test_editor_cannot_delete_a_format(client, editor):
    fmt = Format.objects.get(code="KA220-VET")
    assert client.get(admin_url(Format, "delete", fmt.pk)).status_code == 403


def test_editors_change_reaches_the_api_and_history_and_survives_a_reload(client, editor):
    fmt = Format.objects.get(code="KA220-VET")
    url = admin_url(Format, "change", fmt.pk)
    data = form_data(client.get(url))
    data["min_organisations"] = 4

    response = client.post(url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    api = client.get("/api/v1/formats/KA220-VET/").json()
    assert api["min_organisations"] == 4
    history = client.get(admin_url(Format, "history", fmt.pk)).content.decode()
    assert "eva" in history
    latest = fmt.history.first()
    assert latest.history_user == editor
    assert latest.diff_against(latest.prev_record).changed_fields == ["min_organisations"]

    out = io.StringIO()
    call_command("load_programme", stdout=out)

    assert Format.objects.get(code="KA220-VET").min_organisations == 4
    assert "min_organisations: database 4, fixture 3" in out.getvalue()


def test_an_impossible_rule_is_refused_with_a_message(client, editor):
    fmt = Format.objects.get(code="KA220-VET")
    url = admin_url(Format, "change", fmt.pk)
    data = form_data(client.get(url))
    data["duration_min_months"] = 40

    response = client.post(url, data)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors
    assert Format.objects.get(code="KA220-VET").duration_min_months == 12


def test_a_second_planned_format_is_refused_with_a_message(client, editor):
    fmt = Format.objects.get(code="KA220-VET")
    url = admin_url(Format, "change", fmt.pk)
    data = {**form_data(client.get(url)), "plannable": "on"}

    response = client.post(url, data)

    assert response.status_code == 200
    assert "wordt al gepland met de mobiliteitsplanner" in response.text
    assert not Format.objects.get(code="KA220-VET").plannable


def test_create_editor_command_puts_the_user_in_the_group():
    out = io.StringIO()
    call_command("create_editor", "jan", "--email", "jan@example.org", stdout=out)

    user = User.objects.get(username="jan")
    assert user.is_staff and not user.is_superuser
    assert list(user.groups.values_list("name", flat=True)) == [GROUP_NAME]
    assert not user.has_usable_password()
    assert "changepassword jan" in out.getvalue()


def test_a_formula_an_editor_enters_reaches_the_csv_as_text(client, editor):
    fmt = Format.objects.get(code="KA220-VET")
    url = admin_url(Format, "change", fmt.pk)
    data = form_data(client.get(url))
    data["name_en"] = '=HYPERLINK("http://evil.example","x")'
    assert client.post(url, data).status_code == 302

    response = client.get("/api/v1/formats/", {"format": "csv"})

    text = response.content.decode()
    assert '"\'=HYPERLINK(""http://evil.example"",""x"")"' in text
    rows = {row["code"]: row for row in csv.DictReader(io.StringIO(text))}
    assert rows["KA220-VET"]["name_en"] == '\'=HYPERLINK("http://evil.example","x")'
    assert rows["KA220-VET"]["name_nl"] == fmt.name_nl


def test_a_changed_grant_tier_appears_in_the_formats_history(client, editor):
    fmt = Format.objects.get(code="KA220-VET")
    url = admin_url(Format, "change", fmt.pk)
    data = form_data(client.get(url))
    tier = next(key for key, value in data.items() if key.endswith("amount_eur") and value)
    data[tier] = 130000
    before = fmt.history.count()

    assert client.post(url, data).status_code == 302

    assert fmt.history.count() == before + 1
    reason = fmt.history.first().history_change_reason
    assert "subsidiemogelijkheden" in reason or "grant tiers" in reason
    assert 130000 in Format.objects.get(code="KA220-VET").lump_sums


def test_saving_unchanged_records_no_change(client, editor):
    fmt = Format.objects.get(code="KA122-VET")
    url = admin_url(Format, "change", fmt.pk)
    data = form_data(client.get(url))
    data["applicant_kinds"] = list(reversed(data["applicant_kinds"]))

    assert client.post(url, data).status_code == 302

    latest, previous = fmt.history.all()[:2]
    assert not latest.diff_against(previous).changes


def test_the_history_page_is_in_dutch(client, editor):
    fmt = Format.objects.get(code="KA220-VET")

    response = client.get(admin_url(Format, "history", fmt.pk), headers={"Accept-Language": "nl"})

    assert "Wijzigingsgeschiedenis" in response.text or "Geschiedenis" in response.text
    assert "Date/time" not in response.text and "Changed by" not in response.text


def test_number_boxes_are_wide_enough_for_seven_digits(client, editor):
    fmt = Format.objects.get(code="KA220-VET")

    response = client.get(admin_url(Format, "change", fmt.pk))

    assert "css/admin.css" in response.text
