"""Party introduction pages (officers and administrators only). Thin: parse, call a selector or service, render."""

from .pipeline import figures, index
from .records import detail, edit, introduce, member

__all__ = ["detail", "edit", "figures", "index", "introduce", "member"]
