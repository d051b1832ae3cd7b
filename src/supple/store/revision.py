"""The schema revision this Supple writes (kept apart so light readers need no Alembic)."""

#: The newest migration; a test checks it matches the scripts in ``migrations/versions``.
HEAD = "0010"
#: Every revision this version of Supple knows (oldest first).
HEAD = "0011"
#: Every revision this version of Supple knows (oldest first).
KNOWN = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008", "0009", "0010", "0011")
