"""`batch --merge` trusts nothing in the shard folders (issue 26.5): each hostile share is refused with
a KH066 naming the share and what is wrong — never a traceback, never a file from outside the shares,
never exit 0 for a missing or changed document."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kehoach.batch.runner import MANIFEST, Options, run
from kehoach.batch.shards import merge
from kehoach.common.diagnostics import KehoachError

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "batch"
PLAN = EXAMPLE / "plan.yaml"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> list[Path]:
    base = tmp_path_factory.mktemp("shards")
    folders = []
    for index in (1, 2):
        folder = base / f"shard-{index}"
        assert run(Options(PLAN, str(EXAMPLE / "units.csv"), folder, jobs=1, shard=(index, 2))).exit_code == 0
        folders.append(folder)
    return folders


@pytest.fixture
def shares(built, tmp_path) -> list[Path]:
    copies = []
    for folder in built:
        copy = tmp_path / folder.name
        shutil.copytree(folder, copy)
        copies.append(copy)
    return copies


def _manifest(folder: Path) -> dict:
    return json.loads((folder / MANIFEST).read_text("utf-8"))


def _save(folder: Path, data: dict) -> None:
    (folder / MANIFEST).write_text(json.dumps(data, ensure_ascii=False), "utf-8")


def _refused(shares: list[Path], out: Path) -> str:
    with pytest.raises(KehoachError) as caught:
        merge(shares, out)
    assert caught.value.exit_code == 2 and caught.value.diagnostics[0].code == "KH066"
    assert not (out / MANIFEST).exists()
    return caught.value.diagnostics[0].message + " @ " + str(caught.value.diagnostics[0].path)


def test_the_untouched_shares_merge(shares, tmp_path):
    assert merge(shares, tmp_path / "out").units == 5


@pytest.mark.parametrize("key, value", [("index", [1]), ("index", True), ("count", 10**12), ("count", "2"),
                                        ("units", None), ("batch", 7), ("index", 0)])
def test_a_mistyped_shard_field_is_named(shares, tmp_path, key, value):
    data = _manifest(shares[0])
    data["shard"][key] = value
    _save(shares[0], data)
    message = _refused(shares, tmp_path / "out")
    assert f"'{key}'" in message and str(shares[0]) in message


@pytest.mark.parametrize("key, value", [("output", ["a"]), ("output", "../escape.docx"), ("output", "/etc/passwd"),
                                        ("index", "0"), ("output_sha256", 5), ("status", None)])
def test_a_mistyped_unit_field_is_named(shares, tmp_path, key, value):
    data = _manifest(shares[0])
    data["units"][0][key] = value
    _save(shares[0], data)
    assert f"'{key}'" in _refused(shares, tmp_path / "out")


def test_a_symlinked_document_is_refused_and_nothing_outside_is_copied(shares, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("root-only")
    entry = _manifest(shares[0])["units"][0]
    (shares[0] / entry["output"]).unlink()
    (shares[0] / entry["output"]).symlink_to(secret)
    message = _refused(shares, tmp_path / "out")
    assert "symbolic link" in message or "liên kết" in message
    assert not any(p.read_bytes() == b"root-only" for p in (tmp_path / "out").glob("*")) \
        if (tmp_path / "out").exists() else True


def test_a_symlinked_manifest_is_refused(shares, tmp_path):
    moved = tmp_path / "elsewhere.json"
    (shares[1] / MANIFEST).rename(moved)
    (shares[1] / MANIFEST).symlink_to(moved)
    _refused(shares, tmp_path / "out")


def test_a_missing_document_names_the_short_share(shares, tmp_path):
    entry = _manifest(shares[1])["units"][0]
    (shares[1] / entry["output"]).unlink()
    message = _refused(shares, tmp_path / "out")
    assert "2/2" in message and entry["output"] in message and str(shares[1]) in message


def test_a_tampered_document_is_refused(shares, tmp_path):
    entry = _manifest(shares[0])["units"][-1]
    (shares[0] / entry["output"]).write_bytes(b"PK tampered")
    message = _refused(shares, tmp_path / "out")
    assert "1/2" in message and entry["output"] in message and "SHA-256" in message


def test_a_share_with_a_unit_left_out_is_named_as_short(shares, tmp_path):
    data = _manifest(shares[1])
    data["units"].pop()
    _save(shares[1], data)
    message = _refused(shares, tmp_path / "out")
    assert "2/2" in message and str(shares[1]) in message


def test_a_unit_claimed_by_the_wrong_share_is_refused(shares, tmp_path):
    first, second = _manifest(shares[0]), _manifest(shares[1])
    first["units"][0]["index"], second["units"][0]["index"] = second["units"][0]["index"], first["units"][0]["index"]
    _save(shares[0], first)
    _save(shares[1], second)
    _refused(shares, tmp_path / "out")


def test_garbage_manifests_never_give_a_traceback(shares, tmp_path):
    env = {**os.environ, "KEHOACH_NO_SERVER": "1"}
    for garbage in ("[]", "null", '{"shard": []}', '{"shard": {"index": 1, "count": 2}, "units": {}}', "{" * 100_000):
        (shares[0] / MANIFEST).write_text(garbage)
        done = subprocess.run([sys.executable, "-m", "kehoach", "--lang", "en", "batch", "--merge", *map(str, shares),
                               "-o", str(tmp_path / "out")], capture_output=True, env=env)
        assert done.returncode == 2 and b"KH066" in done.stderr, done.stderr[-500:]
        assert b"Traceback" not in done.stderr and b"KH000" not in done.stderr


def test_shard_option_takes_ascii_digits_only(tmp_path):
    env = {**os.environ, "KEHOACH_NO_SERVER": "1"}
    done = subprocess.run([sys.executable, "-m", "kehoach", "--lang", "en", "batch", str(PLAN), "--units",
                           str(EXAMPLE / "units.csv"), "-o", str(tmp_path / "o"), "--shard", "\u0661/\u0662"],
                          capture_output=True, env=env)
    assert done.returncode == 2 and b"KH066" in done.stderr and not (tmp_path / "o").exists()


def test_links_planted_in_the_output_folders_are_replaced_not_followed(shares, tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("root-only")
    out = tmp_path / "merged"
    out.mkdir()
    (out / MANIFEST).symlink_to(victim)
    document = _manifest(shares[0])["units"][0]["output"]
    (out / document).symlink_to(victim)
    merge(shares, out)
    assert victim.read_text() == "root-only"
    assert not (out / MANIFEST).is_symlink() and not (out / document).is_symlink()
    # The batch's own manifest, too.
    batch_out = tmp_path / "batch"
    batch_out.mkdir()
    (batch_out / MANIFEST).symlink_to(victim)
    assert run(Options(PLAN, str(EXAMPLE / "units.csv"), batch_out, jobs=1)).exit_code == 0
    assert victim.read_text() == "root-only" and not (batch_out / MANIFEST).is_symlink()


def test_an_output_that_is_a_file_is_a_message_not_a_traceback(shares, tmp_path):
    out = tmp_path / "a-file"
    out.write_text("x")
    assert "a-file" in _refused(shares, out)
