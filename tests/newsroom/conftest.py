"""The production collectstatic that ``test_static_files`` reads, started with the session.

Compressing every static file takes most of a minute of one processor. Started as
soon as the tests are collected, in a process of its own, it runs beside the
tests before that module instead of holding the run up when the module begins.
It shares nothing with them: no database, cache or port, only a folder of its own.
"""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
COLLECTSTATIC = pytest.StashKey[tuple[subprocess.Popen, Path]]()


def pytest_collection_finish(session: pytest.Session) -> None:
    wanted = any(item.path.name == "test_static_files.py" for item in session.items)
    if not wanted or session.config.option.collectonly:
        return
    folder = Path(tempfile.mkdtemp(prefix="newsroom-collected-"))
    with open(folder / "output.txt", "w") as output:
        process = subprocess.Popen(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
            cwd=PROJECT,
            # The production settings (DEBUG off, as in the tests): the hashed,
            # compressed storage, into a STATIC_ROOT of its own.
            env={**os.environ, "STATIC_ROOT": str(folder / "static")},
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    session.config.stash[COLLECTSTATIC] = process, folder


@pytest.fixture(scope="session")
def collected_static(pytestconfig) -> Path:
    """The STATIC_ROOT of that collectstatic, once it has finished well."""
    process, folder = pytestconfig.stash[COLLECTSTATIC]
    process.wait(timeout=600)
    assert process.returncode == 0, (folder / "output.txt").read_text()[-3000:]
    return folder / "static"


def pytest_sessionfinish(session: pytest.Session) -> None:
    if COLLECTSTATIC in session.config.stash:
        process, folder = session.config.stash[COLLECTSTATIC]
        process.kill()
        process.wait()
        shutil.rmtree(folder, ignore_errors=True)
