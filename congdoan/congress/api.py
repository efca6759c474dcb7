"""Đại hội, nhiệm kỳ: API routes, scoped as the pages."""

from ninja import Router

router = Router(tags=["Đại hội, nhiệm kỳ"])
