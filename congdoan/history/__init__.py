"""Số liệu tổng hợp các năm trước: figures of years whose detail no longer exists, entered as summaries."""
