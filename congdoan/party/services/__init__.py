"""Every write of the Party introductions app (and the audit of reads). One module per use case."""

from .introduce import introduction_create, introduction_update
from .moves import introduction_move
from .reads import party_record_read

__all__ = ["introduction_create", "introduction_move", "introduction_update", "party_record_read"]
