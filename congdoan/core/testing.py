"""Helpers for the test settings only."""

from django.contrib.auth.hashers import Argon2PasswordHasher


class FastArgon2PasswordHasher(Argon2PasswordHasher):
    """The production Argon2 hasher with minimal cost parameters, so test users are cheap to create.

    Hashes still start with "argon2$" and verify with the real hasher's code path.
    """

    time_cost = 1
    memory_cost = 64
    parallelism = 1
