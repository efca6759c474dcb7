"""Tài chính công đoàn: API routes, scoped as the pages."""

from ninja import Router

router = Router(tags=["Tài chính công đoàn"])
