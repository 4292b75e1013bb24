"""Sharded batches (issue 17): `--shard I/N` builds a stable, disjoint share; `--merge` joins the shares
into exactly what one run of the whole table writes, and refuses overlaps and gaps."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from kehoach.batch.runner import MANIFEST, SKIPPED, Options, run
from kehoach.batch.shards import merge, parse_shard, shard_from_environment, shard_of
from kehoach.common.diagnostics import KehoachError

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "batch"
PLAN = EXAMPLE / "plan.yaml"


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _shards(tmp: Path, count: int, units: str = "vn:an-giang") -> list[Path]:
    folders = []
    for index in range(1, count + 1):
        folder = tmp / f"shard-{index}"
        assert run(Options(PLAN, units, folder, jobs=1, shard=(index, count))).exit_code == 0
        folders.append(folder)
    return folders


def test_parse_shard_and_the_kubernetes_index(monkeypatch):
    assert parse_shard("2/8") == (2, 8) and parse_shard(" 8 / 8 ") == (8, 8)
    for bad in ("0/8", "9/8", "2-8", "", "a/b", "\u0661/\u0662", "１/２", "1/99999999999"):
        with pytest.raises(KehoachError) as caught:
            parse_shard(bad)
        assert caught.value.diagnostics[0].code == "KH066"
    monkeypatch.setenv("JOB_COMPLETION_INDEX", "0")
    assert shard_from_environment(4) == (1, 4)
    for bad in ("4", "\u0661", "-1"):
        monkeypatch.setenv("JOB_COMPLETION_INDEX", bad)
        with pytest.raises(KehoachError):
            shard_from_environment(4)
    monkeypatch.setenv("JOB_COMPLETION_INDEX", "0")
    with pytest.raises(KehoachError):
        shard_from_environment(10**12)


def test_shares_are_disjoint_covering_and_balanced_by_count():
    for total, count in ((3321, 8), (102, 4), (5, 3), (3, 5)):
        shares = [shard_of(position, count) for position in range(total)]
        sizes = Counter(shares)
        assert set(shares) <= set(range(1, count + 1))
        assert max(sizes.values()) - min(sizes.get(i, 0) for i in range(1, count + 1)) <= 1  # issue 26.6
    assert [shard_of(p, 4) for p in range(6)] == [1, 2, 3, 4, 1, 2]  # deterministic: round robin


def test_shards_merge_into_the_files_and_manifest_of_one_run(tmp_path):
    whole = tmp_path / "whole"
    assert run(Options(PLAN, "vn:an-giang", whole, jobs=2)).exit_code == 0
    folders = _shards(tmp_path, 3)
    assert sum(len(json.loads((f / MANIFEST).read_text("utf-8"))["units"]) for f in folders) == \
        len(json.loads((whole / MANIFEST).read_text("utf-8"))["units"])
    merged = merge(folders, tmp_path / "merged")
    assert merged.units == 102
    assert _files(tmp_path / "merged") == _files(whole)  # same names, same bytes, manifest included


def test_a_shard_resumes_from_its_own_manifest(tmp_path):
    folder = _shards(tmp_path, 2)[0]
    again = run(Options(PLAN, "vn:an-giang", folder, jobs=1, shard=(1, 2)))
    assert again.results and all(result.status == SKIPPED for result in again.results)


def _refused(folders: list[Path], out: Path) -> str:
    with pytest.raises(KehoachError) as caught:
        merge(folders, out)
    assert caught.value.exit_code == 2 and caught.value.diagnostics[0].code == "KH066"
    return caught.value.diagnostics[0].message


def test_merge_refuses_gaps_repeats_other_batches_and_overlaps(tmp_path):
    folders = _shards(tmp_path, 3, units=str(EXAMPLE / "units.csv"))
    out = tmp_path / "merged"
    assert "2" in _refused([folders[0], folders[2]], out)  # share 2 missing
    copy = tmp_path / "copy"
    shutil.copytree(folders[0], copy)
    assert "1/3" in _refused([folders[0], copy, folders[1], folders[2]], out)  # share 1 twice
    other = tmp_path / "other"
    assert run(Options(PLAN, "vn:an-giang", other, jobs=1, shard=(2, 3))).exit_code == 0
    _refused([folders[0], other, folders[2]], out)  # a share of another batch (another units table)
    # A unit listed by two shares (a manifest edited by hand or a bug): refused, not silently merged.
    manifests = [json.loads((f / MANIFEST).read_text("utf-8")) for f in folders]
    donor = next(m for m in manifests if m["units"])
    receiver_folder = next(f for f, m in zip(folders, manifests) if m is not donor)
    receiver = json.loads((receiver_folder / MANIFEST).read_text("utf-8"))
    receiver["units"].append(donor["units"][0])
    (receiver_folder / MANIFEST).write_text(json.dumps(receiver), encoding="utf-8")
    assert donor["units"][0]["output"] in _refused(folders, out)
    assert not (out / MANIFEST).exists()


def test_command_line_shards_from_the_job_index_and_merges(tmp_path):
    env = {**os.environ, "KEHOACH_NO_SERVER": "1"}
    units = str(EXAMPLE / "units.csv")
    for index in range(2):
        done = subprocess.run([sys.executable, "-m", "kehoach", "batch", str(PLAN), "--units", units, "-o",
                               f"part-{index}", "--shards", "2", "-q"], cwd=tmp_path, capture_output=True,
                              env={**env, "JOB_COMPLETION_INDEX": str(index)})
        assert done.returncode == 0, done.stderr.decode()
    done = subprocess.run([sys.executable, "-m", "kehoach", "batch", "--merge", "part-0", "part-1", "-o", "all"],
                          cwd=tmp_path, capture_output=True, env=env)
    assert done.returncode == 0, done.stderr.decode()
    assert len(json.loads((tmp_path / "all" / MANIFEST).read_text("utf-8"))["units"]) == 5
    bad = subprocess.run([sys.executable, "-m", "kehoach", "batch", "--merge", "part-0", "-o", "x"],
                         cwd=tmp_path, capture_output=True, env=env)
    assert bad.returncode == 2 and b"KH066" in bad.stderr and b"Traceback" not in bad.stderr
