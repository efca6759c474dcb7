"""Đạt chuẩn văn hoá: API routes, scoped as the pages."""

from ninja import Router

router = Router(tags=["Đạt chuẩn văn hoá"])
