"""How much the app reads from a file the user points it at, and the one way it reads one.

Every such file is read whole into memory, so each kind has a ceiling far above any real
file of its kind: ``/dev/zero`` named as the catalogue grew the process to 24 GB before
the kernel killed it, and a 300 MB ``word/document.xml`` inside a 753 kB template took
minutes and gigabytes. Only regular files are read: a FIFO would block for ever, and a
device never ends.
"""

from __future__ import annotations

import io
import os
import stat
import zipfile
from pathlib import Path

from tillitsvalgt.errors import UserError

MB = 1024 * 1024
CATALOGUE_LIMIT = 10 * MB  # the built-in catalogue is 41 kB
SETTINGS_LIMIT = 1 * MB  # a few paths and names
IMPORT_LIMIT = 512 * MB  # 40 000 cases with events are 63 MB
TEMPLATE_LIMIT = 50 * MB  # a .docx with a logo or two is well under 1 MB
TEMPLATE_UNPACKED_LIMIT = 100 * MB  # all members of the .docx together, unpacked
ATTACHMENT_LIMIT = 200 * MB  # a scanned protocol or a drawing
DOCUMENT_TEXT_LIMIT = 50 * MB  # word/document.xml of a journaled .docx, when searched


class NotARegularFile(UserError):
    pass


class FileTooLarge(UserError):
    pass


def _size(n: int) -> str:
    if n >= MB:
        return f"{n / MB:.0f} MB".replace(".", ",")
    return f"{max(1, n // 1024)} kB"


def read_limited(file: Path, limit: int, *, what: str) -> bytes:
    """The bytes of the regular file ``file`` (``what`` names it in messages, e.g.
    «Lovkatalogen»), or :class:`NotARegularFile` / :class:`FileTooLarge` with a Norwegian
    message. ``OSError`` (missing, no access) is left to the caller, which knows what to
    say about it."""
    # O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer.
    fd = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fh.fileno())
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError(21, "Is a directory", str(file))
        if not stat.S_ISREG(st.st_mode):
            raise NotARegularFile(
                f"{what} {file} er ikke en vanlig fil (men en enhet, en FIFO eller lignende) "
                "og kan ikke leses. Velg en fil."
            )
        if st.st_size > limit:
            raise _too_large(file, st.st_size, limit, what)
        data = fh.read(limit + 1)
    if len(data) > limit:  # grew while being read
        raise _too_large(file, len(data), limit, what)
    return data


def _too_large(file: Path, size: int, limit: int, what: str) -> FileTooLarge:
    return FileTooLarge(
        f"{what} {file} er for stor ({_size(size)}; høyst {_size(limit)}). Er det riktig fil?"
    )


def check_zip_members(data: bytes, *, limit: int, what: str) -> str | None:
    """Why the zip package ``data`` (a .docx) would unpack to too much, or None. The sizes
    are the ones the package declares; Python's zipfile never returns more than that."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            infos = package.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return None  # not a zip: the caller says so in its own words
    total = sum(info.file_size for info in infos)
    if total > limit:
        biggest = max(infos, key=lambda info: info.file_size)
        return (
            f"{what} pakker seg ut til {_size(total)} (høyst {_size(limit)}); den største "
            f"delen er {biggest.filename} med {_size(biggest.file_size)}"
        )
    return None
