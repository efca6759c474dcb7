"""Giới thiệu đoàn viên cho Đảng."""
