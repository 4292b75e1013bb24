"""The conventions of a command line: --version, -h/--help on every command, --lang anywhere, help
pages without type names and in the user's language, click's own messages translated, NO_COLOR /
FORCE_COLOR, ``-`` for standard input, shell completion."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kehoach import __version__
from kehoach.cli.main import _register, click_command, main
from kehoach.common.i18n import set_lang

FIXTURES = Path(__file__).parents[1] / "fixtures"
PLAN = FIXTURES / "minimal_plan.yaml"
BAD = FIXTURES / "bad" / "unknown_key.yaml"
ENV = {**os.environ, "KEHOACH_NO_SERVER": "1", "PYTHONIOENCODING": "utf-8"}
for name in ("NO_COLOR", "FORCE_COLOR", "KEHOACH_LANG"):
    ENV.pop(name, None)
VIETNAMESE_LETTERS = re.compile("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.IGNORECASE)


def run_here(capsys, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    set_lang("vi")
    out, err = capsys.readouterr()
    return exit_info.value.code or 0, out, err


def kehoach(*args: str, stdin: bytes | None = None, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kehoach", *args], input=stdin, capture_output=True,
                          env={**ENV, **env}, timeout=120)


def command_paths() -> list[list[str]]:
    _register()
    paths = []

    def walk(command, prefix):
        paths.append(prefix)
        for name, sub in sorted(getattr(command, "commands", {}).items()):
            walk(sub, [*prefix, name])

    walk(click_command(), [])
    return paths


COMMANDS = command_paths()


def test_every_command_is_walked():
    assert ["check"] in COMMANDS and ["server", "start"] in COMMANDS and len(COMMANDS) >= 11


def test_version():
    result = kehoach("--version")
    assert (result.returncode, result.stdout.decode()) == (0, f"kehoach {__version__}\n")


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "kehoach")
def test_help_pages(capsys, command):
    code, short, _ = run_here(capsys, *command, "-h")
    assert code == 0
    assert run_here(capsys, *command, "--help")[:2] == (0, short)
    # no type names from typer/click, no English from click on the Vietnamese page
    assert not re.search(r"<(?:bool|str|int|float|path|list\[[^>]*\]|[a-z]+ range|datetime)>|\b(?:TEXT|INTEGER|BOOLEAN|PATH)\b|\[x>=", short), short
    for english in ("Usage:", "Options", "Arguments", "Commands", "Show this message", "[default", "[required]",
                    "Install completion"):
        assert english not in short, english
    assert short.startswith(f"Cách dùng: kehoach{' ' if command else ''}{' '.join(command)} [TÙY CHỌN]")
    assert "-h, --help  " in short and "Hiện hướng dẫn này rồi thoát." in short
    # English with --lang en, before or after the command name, every help text translated
    code, english, _ = run_here(capsys, *command, "--lang", "en", "-h")
    assert code == 0 and english.startswith("Usage: kehoach")
    assert run_here(capsys, "--lang", "en", *command, "-h")[1] == english
    assert not VIETNAMESE_LETTERS.search(english), english


def test_flags_have_no_metavar_and_values_have_one(capsys):
    page = run_here(capsys, "batch", "-h")[1]
    assert re.search(r"^\s+-j, --jobs JOBS\s", page, re.M)
    assert re.search(r"^\s+--force\s{2,}\S", page, re.M)
    assert "[bắt buộc]" in page


@pytest.mark.parametrize("args,vi,en", [
    (["check"], "Lỗi: thiếu đối số 'PATHS'.", "Error: Missing argument 'PATHS'."),
    (["check", "--nope", "x"], "Lỗi: không có tùy chọn --nope.", "Error: No such option: --nope"),
    (["chek"], "Lỗi: không có lệnh 'chek'. Có phải ý bạn là 'check'", "Error: No such command 'chek'."),
    (["batch", "p.yaml", "-u", "u.csv", "-o", "out", "-j", "0"], "Lỗi: giá trị không hợp lệ cho '--jobs'",
     "Error: Invalid value for '--jobs'"),
    (["check", "x.yaml", "extra", "--format", "xml"], "Lỗi: giá trị không hợp lệ cho --format: text | json",
     "Error: Invalid value for --format: text | json"),
])
def test_usage_errors_in_the_users_language(capsys, args, vi, en):
    code, out, err = run_here(capsys, *args)
    assert code == 2 and out == ""
    assert f"Cách dùng: kehoach {args[0] if args[0] != 'chek' else ''}".rstrip() in err
    assert vi in err and "Error" not in err and "Usage" not in err, err
    assert "Xem 'kehoach" in err and "-h' để biết cách dùng." in err
    code, _, err = run_here(capsys, *args, "--lang", "en")
    assert code == 2 and en in err and "Usage: kehoach" in err, err


def test_lang_after_the_command(capsys):
    _, out, _ = run_here(capsys, "check", "--lang", "en", str(FIXTURES / "missing.yaml"))
    assert "KH010 file not found" in out
    _, out, _ = run_here(capsys, "check", f"--lang=en", str(FIXTURES / "missing.yaml"))
    assert "KH010 file not found" in out
    code, _, err = run_here(capsys, "check", "--lang", "fr", str(PLAN))
    assert code == 2 and "--lang" in err


def test_colour_follows_no_color_and_force_color():
    assert b"\x1b[" not in kehoach("check", str(BAD)).stdout  # a pipe: no colour
    forced = kehoach("check", str(BAD), FORCE_COLOR="1").stdout
    assert b"\x1b[1;31mKH102\x1b[0m" in forced
    assert b"\x1b[" not in kehoach("check", str(BAD), FORCE_COLOR="1", NO_COLOR="1").stdout
    assert b"\x1b[" not in kehoach("check", str(BAD), FORCE_COLOR="0").stdout


def test_stdin_for_check_and_build(tmp_path):
    result = kehoach("check", "-", stdin=BAD.read_bytes())
    assert result.returncode == 1
    assert result.stdout.decode().startswith("-:33:1: KH102 ")
    assert kehoach("check", "-", stdin=PLAN.read_bytes()).returncode == 0
    out = tmp_path / "plan.txt"
    built = kehoach("build", "-", "-o", str(out), stdin=PLAN.read_bytes())
    assert built.returncode == 0, built.stderr.decode()
    assert "KẾ HOẠCH" in out.read_text(encoding="utf-8")
    refused = kehoach("build", "-", stdin=PLAN.read_bytes())
    assert refused.returncode == 2 and "cần -o" in refused.stderr.decode()


def test_shell_completion():
    script = kehoach("--show-completion", "bash", _TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION="1")
    assert script.returncode == 0 and b"_KEHOACH_COMPLETE" in script.stdout
    words = kehoach(_KEHOACH_COMPLETE="complete_bash", COMP_WORDS="kehoach ch", COMP_CWORD="1")
    assert words.stdout.decode().split() == ["check"]
    words = kehoach(_KEHOACH_COMPLETE="complete_bash", COMP_WORDS="kehoach check --str", COMP_CWORD="2")
    assert words.stdout.decode().split() == ["--strict"]


def test_the_working_folders_configuration_chooses_the_language(capsys, tmp_path, monkeypatch):
    from kehoach.source.config import find_config

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("KEHOACH_LANG", raising=False)
    (tmp_path / "kehoach.toml").write_text('lang = "en"\n', encoding="utf-8")
    find_config.cache_clear()
    try:
        code, out, _ = run_here(capsys, "check", str(BAD))
        assert code == 1 and "1 file(s): 1 error(s)" in out
        code, out, _ = run_here(capsys, "--lang", "vi", "check", str(BAD))
        assert "1 tệp: 1 lỗi" in out  # --lang wins
        monkeypatch.setenv("KEHOACH_LANG", "vi")
        code, out, _ = run_here(capsys, "check", str(BAD))
        assert "1 tệp: 1 lỗi" in out  # and so does KEHOACH_LANG
        (tmp_path / "kehoach.toml").write_text('lang = "fr"\n', encoding="utf-8")
        monkeypatch.delenv("KEHOACH_LANG")
        find_config.cache_clear()
        plan = tmp_path / "plan.yaml"
        plan.write_bytes(PLAN.read_bytes())
        code, out, _ = run_here(capsys, "check", str(plan))
        assert code == 2 and "KH020" in out  # a bad value: the command reports the file, in Vietnamese
    finally:
        find_config.cache_clear()
