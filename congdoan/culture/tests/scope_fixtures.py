"""Objects in Đà Nẵng's subtree for the project-wide scope walker (see docs/testing.md)."""

import datetime as dt


def outside_objects(tree) -> dict:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from congdoan.culture import services
    from congdoan.culture.tests.conftest import SYSTEM, recognise, register

    register(tree.g4, 2024)
    registration = register(tree.g4, 2025)
    recognition = recognise(registration, dt.date(2025, 12, 20))
    evidence = services.evidence_attach(
        scope=SYSTEM, registration=registration, uploaded=SimpleUploadedFile("a.pdf", b"%PDF-1.4\n")
    )
    reg, rec, ev = {"pk": registration.pk}, {"pk": recognition.pk}, {"pk": evidence.pk}
    return {
        "culture:registration": reg,
        "culture:evidence_new": reg,
        "culture:recognise": reg,
        "culture:evidence": ev,
        "culture:evidence_delete": ev,
        "culture:revoke": rec,
    }
