"""Writes of the culture-standard recognition, one module per use case."""

from .evidence import evidence_attach, evidence_delete
from .recognitions import recognition_record, recognition_revoke
from .registrations import registration_assess, registration_create, registration_delete

__all__ = [
    "evidence_attach",
    "evidence_delete",
    "recognition_record",
    "recognition_revoke",
    "registration_assess",
    "registration_create",
    "registration_delete",
]
