"""Số liệu tổng hợp các năm trước: API routes, scoped as the pages."""

from ninja import Router

router = Router(tags=["Số liệu tổng hợp các năm trước"])
