import pytest


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Argon2 (the production hasher) costs about a second per test user on this busy machine."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def make_job(tree):
    from congdoan.core.scoping import Scope
    from congdoan.jobs import services
    from congdoan.jobs.constants import JobKind

    def make(unit=None, user=None):
        return services.job_create(
            actor=user, kind=JobKind.MEMBER_IMPORT, unit=unit or tree.g1, scope=Scope.unrestricted()
        )

    return make
