"""The random secrets of accounts mode, and how they are kept: only a SHA-256 of each.

A session cookie, an access token and a reset link carry 256 or more random bits, so a plain
hash is enough to keep them (nobody can try them all); an invitation's short code carries 50
bits, and wrong codes are throttled like sign-ins.
"""

from __future__ import annotations

import hashlib
import secrets

#: Letters and digits that cannot be mistaken for each other (no 0/O, 1/I/L).
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 10
TOKEN_PREFIX = "spl_"


def digest(secret: str) -> str:
    """The SHA-256 a secret is stored and looked up by."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def session_token() -> str:
    return secrets.token_urlsafe(32)


def access_token() -> str:
    """A personal access token: recognisable by its prefix (for secret scanners), 256 bits."""
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def short_code() -> str:
    """An invitation code a person can type: ten letters and digits, shown as ``ABCDE-FGHJK``."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def reset_code() -> str:
    return secrets.token_urlsafe(24)


def typed_code(text: str) -> str:
    """A code as typed (any case, spaces or dashes) in the form it was made."""
    return "".join(ch for ch in text.upper() if ch.isalnum())


def shown_code(code: str) -> str:
    """An invitation code grouped for reading aloud."""
    return f"{code[:5]}-{code[5:]}" if len(code) == CODE_LENGTH else code


__all__ = [
    "CODE_ALPHABET",
    "TOKEN_PREFIX",
    "access_token",
    "digest",
    "reset_code",
    "session_token",
    "short_code",
    "shown_code",
    "typed_code",
]
