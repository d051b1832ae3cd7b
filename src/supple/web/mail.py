"""E-mail that a new message waits (only with ``SUPPLE_SMTP_URL``), through the stdlib's
smtplib. The e-mail holds a link to the thread, never the message or a name: mail passes
through servers Supple does not control. Sent after the answer (a background task); a mail
server that fails is logged and the message stays posted."""

from __future__ import annotations

import logging
import smtplib
import ssl
from email.message import EmailMessage
from urllib.parse import unquote, urlsplit

from fastapi import BackgroundTasks, Request

from supple.app.message_records import Posted
from supple.web.deps import Web
from supple.web.links import public_link

log = logging.getLogger("supple.web")
TIMEOUT = 10


def letter(*, sender: str, to: str, link: str) -> EmailMessage:
    """The e-mail telling ``to`` that a message waits at ``link``."""
    mail = EmailMessage()
    mail["From"] = sender
    mail["To"] = to
    mail["Subject"] = "A new message in Supple"
    mail.set_content(
        "You have a new message in Supple.\n\n"
        f"Read it and answer there: {link}\n\n"
        "This e-mail does not hold the message: it stays in Supple.\n"
    )
    return mail


def send(url: str, mail: EmailMessage) -> None:
    """Hand ``mail`` to the server at ``url`` (smtp:// or smtps://); log a failure."""
    parts = urlsplit(url)
    secure = parts.scheme == "smtps"
    host, port = parts.hostname or "localhost", parts.port or (465 if secure else 25)
    try:
        if secure:
            server: smtplib.SMTP = smtplib.SMTP_SSL(
                host, port, timeout=TIMEOUT, context=ssl.create_default_context()
            )
        else:
            server = smtplib.SMTP(host, port, timeout=TIMEOUT)
        with server:
            server.ehlo()
            if not secure and server.has_extn("starttls"):
                server.starttls(context=ssl.create_default_context())
                server.ehlo()
            if parts.username:
                server.login(unquote(parts.username), unquote(parts.password or ""))
            server.send_message(mail)
    except (OSError, smtplib.SMTPException) as exc:
        log.warning("the e-mail about a new message was not sent: %s", exc)


def tell(request: Request, tasks: BackgroundTasks, posted: Posted) -> None:
    """E-mail the other side of ``posted``'s thread after the answer, when a server is set."""
    web: Web = request.app.state.web
    url = web.settings.smtp_url
    if url is None:
        return
    thread = posted.thread
    path = (
        f"/clinician/patients/{thread.patient_id}/messages"
        if posted.message.author == "patient"
        else "/messages"
    )
    mail = letter(
        sender=web.settings.smtp_from, to=posted.recipient, link=public_link(request, path)
    )
    tasks.add_task(send, url, mail)


__all__ = ["letter", "send", "tell"]
