"""Culture-standard pages. Thin: parse, call a selector or service, render."""

from .overview import index
from .recognitions import recognise, revoke
from .registrations import (
    evidence_delete,
    evidence_download,
    evidence_new,
    register,
    registration_delete,
    registration_detail,
)

__all__ = [
    "evidence_delete",
    "evidence_download",
    "evidence_new",
    "index",
    "recognise",
    "register",
    "registration_delete",
    "registration_detail",
    "revoke",
]
