"""Đại hội, nhiệm kỳ."""
