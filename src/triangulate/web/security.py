"""Limits and safety: the body size limit, security headers, the write token and CSRF."""

from __future__ import annotations

import json
import secrets

from fastapi import HTTPException, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = ("default-src 'self'; script-src 'self'; style-src-elem 'self'; "
       "style-src-attr 'unsafe-inline'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
"""No inline script anywhere; inline style only in attributes (the SVG charts carry their
font in one), never as a ``<style>`` element."""
HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}
CSRF_COOKIE = "triangulate_csrf"
CSRF_FIELD = "csrf"
NO_TOKEN = ("writes are refused: the server was started without TRIANGULATE_TOKEN "
            "(set it and restart to allow writes)")


class TooLarge(Exception):
    """The request body ran past the limit while it was being read."""


class Guard:
    """ASGI middleware: security headers on every response, and 413 for a body over the
    limit, whether the client declares its length or streams it."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self.too_large(scope, send)
            return
        received = 0
        started = False

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.max_bytes:
                raise TooLarge
            return message

        async def with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                present = {name.lower() for name, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []), *(
                    (k.encode(), v.encode()) for k, v in HEADERS.items() if k.encode()
                    not in present)]
            await send(message)

        try:
            await self.app(scope, counted, with_headers)
        except TooLarge:
            if not started:
                await self.too_large(scope, send)

    async def too_large(self, scope: Scope, send: Send) -> None:
        limit = f"{self.max_bytes / 2**20:.1f} MiB" if self.max_bytes >= 2**20 \
            else f"{self.max_bytes} bytes"
        message = f"request body over the ingest size limit of {limit}"
        if scope["path"].startswith("/api/"):
            body = json.dumps({"error": {"status": 413, "message": message}}).encode()
            kind = b"application/json"
        else:
            body = (f"<!doctype html><title>413</title><h1>Too large</h1><p>{message}</p>"
                    ).encode()
            kind = b"text/html; charset=utf-8"
        headers = [(b"content-type", kind), (b"content-length", str(len(body)).encode()),
                   *((k.encode(), v.encode()) for k, v in HEADERS.items())]
        await send({"type": "http.response.start", "status": 413, "headers": headers})
        await send({"type": "http.response.body", "body": body})


def check_token(expected: str | None, offered: str | None) -> None:
    """Raise 403 where writes are off (no token set), 401 where the token is missing or
    wrong; compare in constant time."""
    if not expected:
        raise HTTPException(403, NO_TOKEN)
    if not offered or not secrets.compare_digest(offered.encode(), expected.encode()):
        raise HTTPException(401, "a write needs the header Authorization: Bearer <token>",
                            headers={"WWW-Authenticate": "Bearer"})


def bearer(request: Request) -> str | None:
    scheme, _, credentials = request.headers.get("authorization", "").partition(" ")
    return credentials.strip() if scheme.lower() == "bearer" else None


def csrf_token(request: Request) -> str:
    """The browser's CSRF token: the one in its cookie, or a new one to set."""
    return request.cookies.get(CSRF_COOKIE) or secrets.token_urlsafe(24)


def check_csrf(request: Request, submitted: str | None) -> None:
    """Double submit: the form's hidden field must equal the cookie (SameSite=Strict), which
    another site can neither read nor set."""
    cookie = request.cookies.get(CSRF_COOKIE)
    if not cookie or not submitted or not secrets.compare_digest(cookie, submitted):
        raise HTTPException(403, "the form's CSRF token is missing or stale: reload the page "
                                 "and send it again")
