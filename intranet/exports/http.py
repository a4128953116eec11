"""Download responses with a Content-Disposition that survives Vietnamese file names (RFC 6266/5987)."""
from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

from flask import Response

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PDF = "application/pdf"
_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')


def file_name(*parts) -> str:
    """Join parts into a file name: '/' and spaces become '-', characters Windows refuses go."""
    text = "-".join(str(p).strip() for p in parts if p not in (None, ""))
    text = _UNSAFE.sub("-", text.replace("/", "-"))
    text = re.sub(r"\s+", "-", text)
    return re.sub(r"-{2,}", "-", text).strip("-. ")


def ascii_fallback(name: str) -> str:
    """'Sở GD&ĐT.xlsx' -> 'So-GD-DT.xlsx' for clients that ignore filename*."""
    text = name.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^A-Za-z0-9._-]+", "-", text)
    return re.sub(r"-{2,}", "-", text).strip("-") or "tai-lieu"


def content_disposition(name: str, *, inline: bool = False) -> str:
    """'attachment; filename="..."' plus filename*=UTF-8''... when the name is not plain ASCII."""
    kind = "inline" if inline else "attachment"
    fallback = ascii_fallback(name)
    header = f'{kind}; filename="{fallback}"'
    if fallback != name:
        header += f"; filename*=UTF-8''{quote(name, safe='')}"
    return header


def download(data: bytes, name: str, mimetype: str, *, inline: bool = False) -> Response:
    """A response carrying a generated file; never cached by shared proxies."""
    response = Response(data, mimetype=mimetype)
    response.headers["Content-Disposition"] = content_disposition(name, inline=inline)
    response.headers["Content-Length"] = str(len(data))
    response.headers["Cache-Control"] = "private, no-store"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
