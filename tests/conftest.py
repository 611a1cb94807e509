import io

import pytest
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the whole programme once; each test runs in a transaction that rolls back."""
    with django_db_blocker.unblock():
        call_command("load_programme", verbosity=0, stdout=io.StringIO())


@pytest.fixture
def live_programme(transactional_db, live_server):
    """A live server with the programme loaded (transactional tests start from an empty DB)."""
    call_command("load_programme", verbosity=0, stdout=io.StringIO())
    return live_server
