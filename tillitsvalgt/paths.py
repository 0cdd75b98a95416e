"""Where things live: the user's data directory and the resources shipped with the app."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "Tillitsvalgt"
DATA_DIR_ENV = "TILLITSVALGT_DATA_DIR"
DATABASE_URL_ENV = "TILLITSVALGT_DATABASE_URL"
DATABASE_FILENAME = "tillitsvalgt.db"

_PACKAGE_DIR = Path(__file__).resolve().parent


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The directory for the database, backups and logs (not created here)."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` if needed, readable by its owner only (union membership is
    special-category data). An existing folder the user chose is left as it is: its files
    are made private one by one instead of changing, say, their Documents folder."""
    if not path.exists():
        path.mkdir(parents=True, mode=0o700)
        if os.name == "posix":
            os.chmod(path, 0o700)  # mkdir's mode is filtered by the umask
    return path


def make_private_file(path: Path) -> None:
    """Create an empty file readable by its owner only, or tighten an existing one."""
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(fd)
    elif os.name == "posix":
        os.chmod(path, 0o600)


def resources_dir() -> Path:
    """The shipped resources: inside the installed package, or ``resources/`` of a checkout."""
    installed = _PACKAGE_DIR / "resources"
    if installed.is_dir():
        return installed
    return _PACKAGE_DIR.parent / "resources"


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def migrations_dir() -> Path:
    return _PACKAGE_DIR / "migrations"


def write_atomically(target: Path, data: bytes) -> Path:
    """Write ``data`` to a new file readable by its owner only, then move it into place, so
    a crash never leaves half a file and the data is never readable by others. Returns the
    path written (with ``~`` expanded). An existing regular file is replaced; a directory,
    a device or a FIFO never is (see ``output_paths``, which commands use to ask first)."""
    from tillitsvalgt.output_paths import write_output

    return write_output(target, data, overwrite=True)
