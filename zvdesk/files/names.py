"""Safe file names for saving attachments that strangers named.

An MMS file name comes from the customer's phone (or from whoever crafted the request), so it may be
``../../.bashrc``, ``CON.txt``, 500 characters long, or contain control and bidi characters that
make ``invoice\u202efdp.exe`` read as ``invoiceexe.pdf``. :func:`safe_file_name` turns it into one
plain path component that is valid on Windows, macOS and Linux; :func:`save_target` picks a path
that does not exist yet and is strictly inside the chosen folder.

Qt-free: it only needs the standard library (it lives in ``ui`` because only the UI saves files).
"""

from __future__ import annotations

import mimetypes
import re
import unicodedata
from pathlib import Path, PurePosixPath, PureWindowsPath

__all__ = ["MAX_NAME_CHARS", "safe_file_name", "save_target"]

MAX_NAME_CHARS = 120
_MAX_EXTENSION_CHARS = 16
_FORBIDDEN = frozenset('<>:"/\\|?*')
_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"COM{n}" for n in "123456789¹²³"}
    | {f"LPT{n}" for n in "123456789¹²³"}
)
# Extensions for types mimetypes may not know or guesses oddly (".jpe" for image/jpeg).
_PREFERRED_EXTENSIONS = {
    "image/jpeg": ".jpg",
    "image/jpg": ".jpg",
    "image/png": ".png",
    "image/gif": ".gif",
    "image/webp": ".webp",
    "image/heic": ".heic",
    "audio/mpeg": ".mp3",
    "audio/amr": ".amr",
    "audio/mp4": ".m4a",
    "audio/ogg": ".ogg",
    "video/mp4": ".mp4",
    "video/3gpp": ".3gp",
    "video/quicktime": ".mov",
    "text/plain": ".txt",
    "text/vcard": ".vcf",
    "text/x-vcard": ".vcf",
    "application/pdf": ".pdf",
}
_EXTENSION_RE = re.compile(r"\.[A-Za-z0-9]{1,16}$")


def _clean_chars(name: str) -> str:
    out: list[str] = []
    for ch in unicodedata.normalize("NFC", name):
        category = unicodedata.category(ch)
        if ch in _FORBIDDEN or category in ("Cc", "Cs", "Co", "Cn"):
            out.append("_" if ch in _FORBIDDEN else "")
        elif category == "Cf" or category in ("Zl", "Zp"):
            continue  # bidi controls, zero-width characters, line separators
        elif category == "Zs":
            out.append(" ")
        else:
            out.append(ch)
    return re.sub(r" {2,}", " ", "".join(out))


def _last_component(name: str) -> str:
    """The last path component, whatever the separator (``/`` or ``\\``)."""
    return PureWindowsPath(PurePosixPath(name.replace("\\", "/")).name).name


def _split_extension(name: str) -> tuple[str, str]:
    match = _EXTENSION_RE.search(name)
    if match is None or match.start() == 0:
        return name, ""
    return name[: match.start()], match.group()


def _extension_for(content_type: str | None) -> str:
    if not content_type:
        return ""
    kind = content_type.split(";", 1)[0].strip().lower()
    ext = _PREFERRED_EXTENSIONS.get(kind) or mimetypes.guess_extension(kind) or ""
    return ext if _EXTENSION_RE.fullmatch(ext) else ""


def _is_reserved(stem: str) -> bool:
    """Windows reserves CON, NUL, COM1... with any extension (``CON.txt``, ``con.tar.gz``)."""
    base = stem.split(".", 1)[0].rstrip(" ").upper()
    return base in _RESERVED


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: max(limit, 0)]


def _sanitize(name: str, content_type: str | None) -> str | None:
    cleaned = _clean_chars(_last_component(name)).strip(" ").rstrip(". ").lstrip(". ")
    stem, ext = _split_extension(cleaned)
    stem = stem.rstrip(". ")
    if not ext:
        ext = _extension_for(content_type)
    stem = _clip(stem, MAX_NAME_CHARS - len(ext)).rstrip(". ")
    if not stem:
        return None
    if _is_reserved(stem):
        stem = "_" + _clip(stem, MAX_NAME_CHARS - len(ext) - 1)
    return stem + ext


def safe_file_name(name: str, fallback: str, content_type: str | None = None) -> str:
    """``name`` as one safe path component (``fallback``, made safe too, when nothing is left).

    Directories and ``..`` are dropped, so are control, bidi and other invisible format
    characters; ``<>:"/\\|?*`` become ``_``; Windows' reserved names (``CON``, ``PRN``, ``AUX``,
    ``NUL``, ``COM1``.., ``LPT1``.., with any extension) get a ``_`` prefix; leading dots (no
    hidden files) and trailing dots and spaces go; the result has at most :data:`MAX_NAME_CHARS`
    characters with the extension kept; an extension for ``content_type`` is added when the name
    has none.
    """
    result = _sanitize(name, content_type) or _sanitize(fallback, content_type)
    return result if result is not None else "attachment" + _extension_for(content_type)


def save_target(folder: Path, name: str) -> Path:
    """A path in ``folder`` for ``name`` (made safe) that does not exist yet.

    On a collision `` (2)``, `` (3)``... is added before the extension. The result is resolved and
    checked to be strictly inside ``folder`` (a symlink planted in the folder cannot redirect it);
    ValueError if that cannot be guaranteed. The file is not created: open it with mode ``"xb"``.
    """
    root = folder.resolve(strict=True)
    if not root.is_dir():
        raise NotADirectoryError(str(folder))
    safe = safe_file_name(name, "attachment")
    stem, ext = _split_extension(safe)
    for attempt in range(1, 10_000):
        suffix = "" if attempt == 1 else f" ({attempt})"
        candidate_name = _clip(stem, MAX_NAME_CHARS - len(ext) - len(suffix)) + suffix + ext
        candidate = root / candidate_name
        if candidate.exists() or candidate.is_symlink():
            continue
        resolved = candidate.resolve()
        if resolved.parent != root or resolved.name != candidate_name:
            raise ValueError(f"{candidate_name!r} does not stay inside {root}")
        return resolved
    raise FileExistsError(f"no free name for {safe!r} in {root}")
