"""Hashing the temporary passwords the system generates (new accounts, an administrator's reset).

A slow hash protects passwords people choose. A temporary password is 12 random characters from 31
(about 59 bits), like an API token's secret: guessing it from a stolen hash is out of reach whatever the
hash cost, so it is hashed with Argon2 at a low cost — a bulk file of 500 accounts is created in one
request. The user must replace it at first sign-in; Django then re-hashes with the full-cost hasher
(``must_update``), as it does for any hash made with weaker parameters.
"""

from django.contrib.auth.hashers import Argon2PasswordHasher, get_hasher, make_password


class TemporaryPasswordHasher(Argon2PasswordHasher):
    time_cost = 1
    memory_cost = 4096  # KiB
    parallelism = 1


def temporary_password_hash(password: str) -> str:
    """A low-cost Argon2 hash when Argon2 is the configured hasher (it must verify it), else the default."""
    if get_hasher("default").algorithm != TemporaryPasswordHasher.algorithm:
        return make_password(password)
    return make_password(password, hasher=TemporaryPasswordHasher())
