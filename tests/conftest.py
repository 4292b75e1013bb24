"""Shared test set-up."""

import os

import pytest


@pytest.fixture(autouse=True, scope="session")
def _private_server_folder(tmp_path_factory):
    # Commands run as subprocesses must not reach a build server the developer has running: every
    # test talks only to servers it starts itself, in a folder of its own.
    folder = tmp_path_factory.mktemp("server")
    folder.chmod(0o700)
    previous = os.environ.get("KEHOACH_SERVER_DIR")
    os.environ["KEHOACH_SERVER_DIR"] = str(folder)
    yield folder
    if previous is None:
        os.environ.pop("KEHOACH_SERVER_DIR", None)
    else:
        os.environ["KEHOACH_SERVER_DIR"] = previous
