"""Evidence files: stored through the default storage, checked by type and size, audited."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from congdoan.audit.models import Event
from congdoan.core.scoping import Scope
from congdoan.culture import selectors, services
from congdoan.culture.models import Evidence
from congdoan.culture.tests.conftest import SYSTEM, register

PDF = b"%PDF-1.4\n%minh chung\n"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_attach_for_a_criterion_and_read_back(tree):
    registration = register(tree.g1, 2025)
    criterion = selectors.criteria_for(culture_type="enterprise", year=2025).first()
    evidence = services.evidence_attach(
        scope=SYSTEM,
        registration=registration,
        uploaded=SimpleUploadedFile("bien-ban.pdf", PDF),
        title="Biên bản họp xét",
        criterion=criterion,
    )
    assert evidence.file.name.startswith(f"culture/{registration.pk}/")
    with evidence.file.open("rb") as stored:
        assert stored.read() == PDF
    grid = selectors.assessment_grid(registration)
    assert [e.title for e in grid[0]["evidence"]] == ["Biên bản họp xét"]
    assert Event.objects.filter(action="culture.evidence_attach", unit=tree.g1).count() == 1
    services.evidence_delete(scope=SYSTEM, evidence=evidence)
    assert not Evidence.objects.exists()


BAD_FILES = [
    ("an executable", "virus.exe", b"MZ\x90\x00", "chỉ nhận PDF"),
    ("a PDF that is not one", "gia.pdf", b"PK\x03\x04....", "không đúng định dạng PDF"),
    ("an empty file", "rong.pdf", b"", "rỗng"),
]


@pytest.mark.parametrize(("case", "name", "content", "words"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_files_are_refused(tree, case, name, content, words):
    registration = register(tree.g1, 2025)
    with pytest.raises(ValidationError) as caught:
        services.evidence_attach(
            scope=SYSTEM, registration=registration, uploaded=SimpleUploadedFile(name, content)
        )
    assert words in " ".join(caught.value.messages)
    assert not Evidence.objects.exists()


def test_only_the_union_side_attaches(tree):
    registration = register(tree.g1, 2025)
    with pytest.raises(PermissionDenied):
        services.evidence_attach(
            scope=Scope.for_user(tree.viewer),
            registration=registration,
            uploaded=SimpleUploadedFile("a.pdf", PDF),
        )
