"""Forms carry a token bound to the browser's own secret (an HttpOnly cookie) and to the sign-in: a form
posted from another site, or with another session's token, is refused."""

import hashlib
import hmac
import secrets

# Before anyone is signed in, the sign-in forms are bound to this instead of a session.
ZONDER_SESSIE = "inloggen"


def nieuw_geheim() -> str:
    return secrets.token_urlsafe(32)


def token(geheim: str, sessie: str) -> str:
    return hmac.new(geheim.encode(), f"csrf:{sessie}".encode(), hashlib.sha256).hexdigest()


def geldig(geheim: str | None, sessie: str, gegeven: str | None) -> bool:
    if not geheim or not gegeven:
        return False
    return hmac.compare_digest(token(geheim, sessie), gegeven)
