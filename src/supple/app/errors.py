"""What a use case refuses, in words a person can act on; each adapter shows them its own way
(the web as a 4xx status, the command line as one line)."""

from __future__ import annotations


class AppError(Exception):
    """A request the use case cannot carry out; the message says why."""


class NotFound(AppError, LookupError):
    """What the request names does not exist for this person (a plan, a session)."""


class Conflict(AppError):
    """Not possible in the current state: no answers yet, a referral instead of a routine, a
    session key already bound to another plan."""


class NoProfile(Conflict):
    """The person has not answered the screening questions yet."""


class Refused(AppError, ValueError):
    """The request does not fit what it refers to, e.g. an event that is not the plan's."""


class SignInNeeded(AppError):
    """The request needs a signed-in person (accounts mode), or its credentials are not valid
    (an expired session, a revoked token)."""


class NotAllowed(AppError, PermissionError):
    """The person is signed in but their role may not do this."""


class Throttled(AppError):
    """Too many failed attempts lately; ``retry_after`` says in how many seconds to try again."""

    def __init__(self, message: str, *, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


__all__ = [
    "AppError",
    "Conflict",
    "NoProfile",
    "NotAllowed",
    "NotFound",
    "Refused",
    "SignInNeeded",
    "Throttled",
]
