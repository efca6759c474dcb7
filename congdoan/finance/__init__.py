"""Tài chính công đoàn."""
