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
    api = "/api/v1/culture"
    on_reg = {"registration_id": registration.pk}
    return {
        f"GET {api}/registrations/{{registration_id}}": {"path": on_reg, "body": None},
        f"PUT {api}/registrations/{{registration_id}}/assessment": {"path": on_reg, "body": {"items": []}},
        f"POST {api}/registrations/{{registration_id}}/recognition": {
            "path": on_reg,
            "body": {"authority_id": recognition.authority_id, "number": "1/QĐ", "issued_on": "2025-12-21"},
        },
        f"POST {api}/recognitions/{{recognition_id}}/revoke": {
            "path": {"recognition_id": recognition.pk},
            "body": {"revoked_on": "2026-01-05", "reason": "Thử"},
        },
        f"GET {api}/figures": {"query": {"unit_id": tree.dn.pk}},
        "culture:registration": reg,
        "culture:registration_delete": reg,
        "culture:evidence_new": reg,
        "culture:recognise": reg,
        "culture:evidence": ev,
        "culture:evidence_delete": ev,
        "culture:revoke": rec,
    }
