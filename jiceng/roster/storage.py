"""Uploaded rosters waiting for "确认导入": a file under VAR_DIR/imports/<uuid4 hex> with a
small JSON sidecar saying who uploaded it, for which organisation, and when.

Only the uploading user may use a token; a token is 32 hex digits and nothing else, so it
can never name a path outside the directory. Files older than a day are deleted whenever
a new upload arrives.
"""

import datetime
import json
import re
import uuid

from django.conf import settings
from django.utils import timezone

MAX_AGE = datetime.timedelta(hours=24)
_TOKEN = re.compile(r"^[0-9a-f]{32}$")


class PendingImportNotFound(LookupError):
    """No such upload, not the user's, or too old."""


def imports_dir():
    path = settings.VAR_DIR / "imports"
    path.mkdir(parents=True, exist_ok=True)
    return path


def valid_token(token):
    return isinstance(token, str) and bool(_TOKEN.match(token))


def purge_expired(now=None):
    """Delete uploads (and sidecars) older than MAX_AGE; returns how many files went."""
    cutoff = (now or timezone.now()).timestamp() - MAX_AGE.total_seconds()
    removed = 0
    for path in imports_dir().iterdir():
        name = path.name.removesuffix(".json")
        if not valid_token(name) or not path.is_file():
            continue
        try:
            if path.stat().st_mtime < cutoff:
                path.unlink()
                removed += 1
        except FileNotFoundError:  # another request removed it first
            continue
    return removed


def save(data, user, organization, filename):
    """Keep `data` for a later commit by `user`; returns the token."""
    purge_expired()
    token = uuid.uuid4().hex
    directory = imports_dir()
    (directory / token).write_bytes(data)
    meta = {
        "user_id": user.pk,
        "organization_id": organization.pk,
        "filename": filename[:200],
        "size": len(data),
        "created": timezone.now().isoformat(),
    }
    (directory / f"{token}.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    return token


def load(token, user):
    """(data, meta) of the user's upload `token`; raise PendingImportNotFound otherwise."""
    if not valid_token(token):
        raise PendingImportNotFound(token)
    directory = imports_dir()
    try:
        meta = json.loads((directory / f"{token}.json").read_text(encoding="utf-8"))
        created = datetime.datetime.fromisoformat(meta["created"])
        if meta["user_id"] != user.pk or timezone.now() - created > MAX_AGE:
            raise PendingImportNotFound(token)
        data = (directory / token).read_bytes()
    except (OSError, ValueError, KeyError, TypeError):
        raise PendingImportNotFound(token) from None
    return data, meta


def discard(token):
    if not valid_token(token):
        return
    directory = imports_dir()
    for path in (directory / token, directory / f"{token}.json"):
        path.unlink(missing_ok=True)
