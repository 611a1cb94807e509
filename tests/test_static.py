import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.test import override_settings

PRODUCTION_STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}


def test_collectstatic_builds_hashed_compressed_files(tmp_path):
    with override_settings(STATIC_ROOT=tmp_path, STORAGES=PRODUCTION_STORAGES):
        call_command("collectstatic", interactive=False, verbosity=0)

    css = [path.name for path in (tmp_path / "css").iterdir()]
    assert any(name.startswith("portal.") and name.endswith(".css.gz") for name in css)
    assert (tmp_path / "staticfiles.json").exists()
    assert any(path.name.startswith("favicon.") for path in tmp_path.iterdir())


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/nl/", "/en/search/?q=stage", "/nl/bestaat-niet/"])
def test_every_page_links_the_icon(client, path):
    text = client.get(path).text

    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in text


def test_favicon_ico_leads_to_the_icon(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 302
    assert response["Location"] == "/static/favicon.svg"
    assert client.head("/favicon.ico").status_code == 302
    assert finders.find("favicon.svg").startswith(str(settings.BASE_DIR / "static"))
