"""Giới thiệu đoàn viên cho Đảng: API routes, scoped as the pages."""

from ninja import Router

router = Router(tags=["Giới thiệu đoàn viên cho Đảng"])
