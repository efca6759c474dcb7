import pytest


@pytest.fixture
def make_job(tree):
    from congdoan.core.scoping import Scope
    from congdoan.jobs import services

    def make(unit=None, user=None):
        return services.job_create(
            kind="test_job", title="Việc thử", unit=unit or tree.g1, scope=Scope.unrestricted(actor=user)
        )

    return make
