"""A forked child that runs as ``nobody`` (root ignores file permissions), the folder it can
reach, and a database it owns: for the file-permission and full-disk tests."""

from __future__ import annotations

import os
import pwd
import shutil
import signal
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tillitsvalgt.db import Database

from helpers.data import make_employer


def _nobody() -> tuple[int, int]:
    try:
        entry = pwd.getpwnam("nobody")
        return entry.pw_uid, entry.pw_gid
    except KeyError:
        return 65534, 65534


def run_unprivileged(action: Callable[[], str]) -> str:
    """Run ``action`` in a forked child and return what it returns (or the error it raised,
    as ``Type: message``). As root the child first becomes ``nobody``: root ignores file
    permissions, so a chmod alone would prove nothing in CI. (A fork, not a new Python:
    the interpreter of the test virtualenv may live where ``nobody`` cannot read.)"""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        try:
            os.close(read_fd)
            signal.alarm(30)  # a hung child ends, and the test fails instead of hanging
            if os.geteuid() == 0:
                uid, gid = _nobody()
                os.setgroups([])
                os.setgid(gid)
                os.setuid(uid)
            try:
                result = action()
            except BaseException as exc:
                result = f"{type(exc).__name__}: {exc}"
            with os.fdopen(write_fd, "wb") as out:
                out.write(result.encode("utf-8"))
        finally:
            os._exit(0)
    os.close(write_fd)
    with os.fdopen(read_fd, "rb") as pipe:
        result = pipe.read().decode("utf-8")
    os.waitpid(pid, 0)
    return result


@pytest.fixture
def shared_dir(tmp_path: Path) -> Iterator[Path]:
    """A folder the unprivileged child can reach (pytest's own tmp folders are root's)."""
    if os.geteuid() != 0:
        yield tmp_path
        return
    folder = Path(tempfile.mkdtemp(prefix="tillitsvalgt-test-"))
    os.chmod(folder, 0o755)
    try:
        yield folder
    finally:
        shutil.rmtree(folder)


def give_to_child(*paths: Path) -> None:
    """Make ``paths`` belong to the user the child runs as."""
    if os.geteuid() == 0:
        uid, gid = _nobody()
        for path in paths:
            os.chown(path, uid, gid)


@pytest.fixture
def child_database(shared_dir: Path) -> Path:
    """A database with one employer, owned by the user the child runs as."""
    data = shared_dir / "data"
    db = Database.open(data_dir=data)
    make_employer(db)
    db.dispose()
    give_to_child(data, data / "tillitsvalgt.db")
    return data
