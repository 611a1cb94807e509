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
