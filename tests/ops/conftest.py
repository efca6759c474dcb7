def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "backup: the backup/restore round trip on demo data (a minute or two; `-m 'not backup'` skips it)",
    )
