"""Settings for the test suite: the real settings, with a throwaway key and tests' own storage."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-secret-key")  # noqa: S105
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API shares the test thread

from congdoan.settings import *  # noqa: E402,F403
from congdoan.settings import BASE_DIR  # noqa: E402

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# One media folder per test database, so the SQLite, PostgreSQL and browser runs of `make test` (side by side)
# never see each other's files.
_DB_TAG = "".join(c if c.isalnum() else "-" for c in os.environ.get("DATABASE_URL", "default").split("/")[-1])
MEDIA_ROOT = BASE_DIR / "var" / f"test-media-{_DB_TAG}"

# Argon2 as in production, at minimal cost: the shared fixtures create half a dozen users per test.
PASSWORD_HASHERS = ["congdoan.core.testing.FastArgon2PasswordHasher"]
