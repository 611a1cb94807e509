"""The admin lockout (django-axes): who is counted, how long it lasts, what the page says."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import User
from django.db.models import F
from django.test import Client

from erasmus_portal.settings import client_address

pytestmark = pytest.mark.django_db

PASSWORD = "a long passphrase here"
PROXY = "10.0.0.2"
CLIENT_A, CLIENT_B = "81.2.69.142", "81.2.69.160"


@pytest.fixture(autouse=True)
def eva():
    return User.objects.create_user("eva", password=PASSWORD, is_staff=True)


@pytest.fixture
def one_trusted_proxy(settings):
    """The settings DJANGO_TRUSTED_PROXY_COUNT=1 gives."""
    order, count = client_address(1)
    settings.AXES_IPWARE_META_PRECEDENCE_ORDER = order
    settings.AXES_IPWARE_PROXY_COUNT = count


def sign_in(client, password, forwarded_for=None, language="en"):
    headers = {"accept-language": language}
    if forwarded_for:
        headers["x-forwarded-for"] = forwarded_for
    return client.post(
        "/admin/login/",
        {"username": "eva", "password": password, "next": "/admin/"},
        secure=True,
        headers=headers,
        REMOTE_ADDR=PROXY,
    )


def lock_out(client, forwarded_for=None):
    statuses = [sign_in(client, "wrong", forwarded_for).status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 200, 429]  # the fifth failure locks


def test_behind_a_trusted_proxy_each_client_is_counted_apart(one_trusted_proxy):
    lock_out(Client(), forwarded_for=CLIENT_A)

    assert sign_in(Client(), PASSWORD, forwarded_for=CLIENT_B).status_code == 302


def test_behind_a_trusted_proxy_a_client_cannot_choose_its_address(one_trusted_proxy):
    lock_out(Client(), forwarded_for=CLIENT_A)

    # The proxy appends the address it saw to whatever the client sent.
    spoofed = f"{CLIENT_B}, {CLIENT_A}"
    assert sign_in(Client(), PASSWORD, forwarded_for=spoofed).status_code == 429


def test_without_trusted_proxies_x_forwarded_for_is_ignored():
    lock_out(Client(), forwarded_for=CLIENT_A)

    assert sign_in(Client(), PASSWORD, forwarded_for=CLIENT_B).status_code == 429


def test_a_failed_attempt_during_the_lockout_does_not_extend_it(client):
    lock_out(client)
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - datetime.timedelta(minutes=59))

    assert sign_in(client, "wrong").status_code == 429

    AccessAttempt.objects.update(attempt_time=F("attempt_time") - datetime.timedelta(minutes=2))
    assert sign_in(client, PASSWORD).status_code == 302


@pytest.mark.parametrize(
    ("language", "texts"),
    [
        ("nl", ["Te veel mislukte pogingen om in te loggen", "kunt u 1\xa0uur niet inloggen"]),
        ("en", ["Too many failed attempts to sign in", "is locked for 1\xa0hour"]),
    ],
)
def test_the_lockout_page_says_how_long_it_lasts_in_the_visitors_language(client, language, texts):
    lock_out(client)

    response = sign_in(client, PASSWORD, language=language)

    assert response.status_code == 429
    assert f'<html lang="{language}">' in response.text
    for text in texts:
        assert text in response.text
