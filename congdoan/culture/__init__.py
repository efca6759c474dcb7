"""Đạt chuẩn văn hoá."""
