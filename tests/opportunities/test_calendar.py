"""The deadlines page and the iCalendar feed, parsed back with the icalendar library."""

import datetime
import zoneinfo

import icalendar
import pytest
from django.template import Context, Template

from opportunities.models import Deadline, Format

pytestmark = pytest.mark.django_db

PAGE = "/en/deadlines/"
FEED = "/deadlines.ics"
BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")


@pytest.fixture
def future():
    """A deadline far ahead, so the page has an upcoming one whatever today's date."""
    return Deadline.objects.create(
        format=Format.objects.get(code="KA122-VET"),
        call_year=2099,
        round=1,
        date=datetime.date(2099, 2, 19),
        time=datetime.time(12, 0),
        note_en="Round 1.",
        note_nl="Ronde 1.",
    )


def events(response):
    calendar = icalendar.Calendar.from_ical(response.content)
    return {str(event["uid"]): event for event in calendar.walk("VEVENT")}


def test_page_lists_upcoming_and_past_deadlines(client, future, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        response = client.get(PAGE)

    assert response.status_code == 200
    text = response.text
    assert "<html" in text
    upcoming, past = text.split('id="past-title"')
    assert 'id="deadline-KA122-VET-2099-1"' in upcoming
    assert "19 February 2099</time>, 12:00 Brussels time" in upcoming
    assert 'id="deadline-KA122-VET-2024-1"' in past


def test_no_upcoming_deadline_says_when_the_next_ones_come(client, future):
    future.delete()
    Deadline.objects.filter(date__gte=datetime.date.today()).delete()

    response = client.get(PAGE, {"format": "KA122-VET"})

    assert "No upcoming deadline is known for this choice yet" in response.text
    assert "once the European Commission publishes the call" in response.text
    assert 'id="deadline-KA122-VET-2024-1"' in response.text


def test_page_filters_by_format_action_line_and_agency(client, future):
    by_format = client.get(PAGE, {"format": "KA220-VET"}).text
    by_line = client.get(PAGE, {"action_line": "JM"}).text
    by_agency = client.get(PAGE, {"agency": "eacea"}).text

    assert "deadline-KA122-VET" not in by_format and "deadline-KA220-VET-2026-1" in by_format
    assert "deadline-KA220" not in by_line and "deadline-ERASMUS-JMO-OFET-TT-2026-1" in by_line
    assert "deadline-KA122" not in by_agency and "ERASMUS-EDU-PEX-COVE-2026-1" in by_agency


def test_unknown_time_and_unconfirmed_date_say_so(client):
    deadline = Deadline.objects.get(format__code="KA120-VET", call_year=2024)
    deadline.time, deadline.confirmed = None, False
    deadline.save()

    text = client.get(PAGE, {"format": "KA120-VET"}).text

    assert "1 October 2024</time>, time not known" in text
    assert "check with your National Agency" in text


def test_htmx_gets_only_the_list(client, future):
    response = client.get(PAGE, {"format": "KA122-VET"}, headers={"HX-Request": "true"})

    assert response.status_code == 200
    assert "<html" not in response.text
    assert response.text.strip().startswith('<div id="deadline-list">')
    assert "/deadlines.ics?format=KA122-VET&amp;lang=en" in response.text


def test_bad_filter_is_a_400_with_a_message(client):
    response = client.get(PAGE, {"format": "KA999"})

    assert response.status_code == 400
    assert "Choose the filters from the lists" in response.text


def test_dutch_page(client, future):
    response = client.get("/nl/deadlines/", {"format": "KA122-VET"})
    assert response.status_code == 200
    assert 'lang="nl"' in response.text


def test_feed_parses_and_holds_every_deadline(client, django_assert_max_num_queries):
    # Deadlines, formats, action lines, revision times; +1: the page cache's programme version.
    with django_assert_max_num_queries(6):
        response = client.get(FEED)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    found = events(response)
    assert len(found) == Deadline.objects.count()
    for event in found.values():
        assert event["DTSTAMP"].dt.tzinfo is not None


def test_an_event_is_stamped_with_its_last_revision_so_polling_sees_no_change(client):
    deadline = Deadline.objects.get(format__code="KA122-VET", call_year=2026, round=1)
    uid = "ka122-vet-2026-1@deadlines.erasmus-vet-portal"

    def revised():
        return deadline.history.latest().history_date.replace(microsecond=0)

    loaded = events(client.get(FEED))[uid]
    assert loaded["DTSTAMP"].dt == loaded["LAST-MODIFIED"].dt == revised()

    deadline.note_en = "Moved by the agency."
    deadline.save()
    edited = events(client.get(FEED))[uid]
    assert edited["DTSTAMP"].dt == edited["LAST-MODIFIED"].dt == revised()


def test_a_timed_deadline_is_in_utc_and_an_untimed_one_lasts_the_day(client):
    found = events(client.get(FEED, {"format": "KA122-VET"}))

    timed = found["ka122-vet-2026-1@deadlines.erasmus-vet-portal"]
    assert timed["DTSTART"].dt == datetime.datetime(2026, 2, 19, 12, 0, tzinfo=BRUSSELS)
    assert timed["DTSTART"].dt.utcoffset() == datetime.timedelta(0)
    assert timed["STATUS"] == "CONFIRMED"
    untimed = found["ka122-vet-2024-2@deadlines.erasmus-vet-portal"]
    assert untimed["DTSTART"].dt == datetime.date(2024, 10, 1)
    assert untimed["DTEND"].dt == datetime.date(2024, 10, 2)


def test_a_changed_deadline_keeps_its_uid_so_calendars_update(client):
    uid = "ka122-vet-2026-1@deadlines.erasmus-vet-portal"
    before = events(client.get(FEED, {"format": "KA122-VET"}))[uid]
    deadline = Deadline.objects.get(format__code="KA122-VET", call_year=2026, round=1)
    deadline.date = datetime.date(2026, 2, 26)
    deadline.save()  # as the admin does

    after = events(client.get(FEED, {"format": "KA122-VET"}))[uid]

    assert before["DTSTART"].dt.date() == datetime.date(2026, 2, 19)
    assert after["DTSTART"].dt.date() == datetime.date(2026, 2, 26)


def test_feed_filters_by_format_and_agency_and_speaks_the_language(client):
    found = events(client.get(FEED, {"agency": "nl", "lang": "nl"}))

    codes = {str(event["SUMMARY"]).split(":")[0] for event in found.values()}
    assert all("ERASMUS-" not in code for code in codes)
    assert any("KA220-VET" in code for code in codes)
    description = str(next(iter(found.values()))["DESCRIPTION"])
    assert "Nationaal Agentschap" in description


def test_unconfirmed_deadlines_are_tentative(client):
    deadline = Deadline.objects.get(format__code="KA120-VET", call_year=2026, round=1)
    deadline.confirmed = False
    deadline.save()

    found = events(client.get(FEED, {"format": "KA120-VET"}))
    assert found["ka120-vet-2026-1@deadlines.erasmus-vet-portal"]["STATUS"] == "TENTATIVE"


@pytest.mark.parametrize("params", [{"format": "nope"}, {"agency": "xx"}, {"action_line": "KA9"}])
def test_feed_refuses_unknown_filters(client, params):
    response = client.get(FEED, params)

    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")


def test_add_to_calendar_include_links_the_format_feed(rf):
    template = Template('{% include "includes/add-to-calendar.html" %}')
    fmt = Format.objects.get(code="KA210-VET")

    html = template.render(Context({"format": fmt, "request": rf.get("/")}))

    assert 'href="/deadlines.ics?format=KA210-VET&amp;lang=' in html
    assert 'type="text/calendar"' in html


@pytest.mark.parametrize("url", ["/deadlines.ics?format=KA220-VET", "/api/v1/formats/"])
def test_a_client_polling_an_unchanged_feed_gets_a_304(client, url):
    first = client.get(url)
    again = client.get(url, headers={"If-None-Match": first["ETag"]})
    stale = client.get(url, headers={"If-None-Match": '"something-else"'})

    assert first.status_code == 200 and first["ETag"]
    assert again.status_code == 304 and again.content == b""
    assert stale.status_code == 200 and stale.content == first.content


def test_each_event_links_to_its_format_on_the_site_address(client):
    event = events(client.get(FEED, {"format": "KA122-VET"}, headers={"host": "localhost"}))

    urls = {str(e["url"]) for e in event.values()}
    assert urls == {"https://erasmus-vet.example.org/nl/formats/KA122-VET/"}
