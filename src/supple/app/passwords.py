"""Passwords: the rules a new one must meet, and hashing with Argon2id (argon2-cffi).

Only the hash is ever kept. A hash made with other parameters than today's is replaced at the
next sign-in (``Passwords.check`` says so), so raising the cost needs no migration.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from supple.app.errors import Refused

MIN_LENGTH = 10
#: Long enough for any passphrase; the bound keeps a megabyte "password" from being hashed.
MAX_LENGTH = 200


@cache
def common_passwords() -> frozenset[str]:
    """The shipped list of passwords too common to allow, in lower case."""
    text = resources.files("supple.app").joinpath("common_passwords.txt").read_text("utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def check_new_password(password: str, *, email: str = "") -> None:
    """Refuse a password that is too short, too long or too easy to guess (Refused says why)."""
    if len(password) < MIN_LENGTH:
        raise Refused(f"a password needs at least {MIN_LENGTH} characters")
    if len(password) > MAX_LENGTH:
        raise Refused(f"a password has at most {MAX_LENGTH} characters")
    low = password.lower()
    local = email.partition("@")[0].lower()
    if low in common_passwords() or len(set(low)) <= 2:
        raise Refused("that password is one of the most common ones: choose another")
    if len(local) >= 4 and local in low:
        raise Refused("a password must not contain your email address")


@dataclass(frozen=True)
class Checked:
    """The outcome of checking a password: right or not, and the new hash to keep if the
    stored one was made with other parameters."""

    ok: bool
    new_hash: str | None = None


@dataclass
class Passwords:
    """Hash and check passwords (argon2-cffi's defaults unless a stronger hasher is given)."""

    hasher: PasswordHasher = field(default_factory=PasswordHasher)
    _dummy: str | None = None

    def hash(self, password: str) -> str:
        return self.hasher.hash(password)

    def check(self, stored: str | None, password: str) -> Checked:
        """Whether ``password`` matches ``stored``; with no stored hash (an unknown or deleted
        account) a dummy is checked instead, so the answer takes the same time either way."""
        if stored is None:
            self._waste(password)
            return Checked(False)
        try:
            self.hasher.verify(stored, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return Checked(False)
        if self.hasher.check_needs_rehash(stored):
            return Checked(True, self.hasher.hash(password))
        return Checked(True)

    def _waste(self, password: str) -> None:
        if self._dummy is None:
            self._dummy = self.hasher.hash("not a password anyone has")
        with suppress(VerificationError):
            self.hasher.verify(self._dummy, password)


__all__ = ["MAX_LENGTH", "MIN_LENGTH", "Checked", "Passwords", "check_new_password"]
