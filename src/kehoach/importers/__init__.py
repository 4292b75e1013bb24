"""Importers (kehoach import): an existing Word/LibreOffice/text plan → a plan.yaml to check and build.

Stage order: readers (``docx``, ``text``, ``convert`` for .doc/.odt; one line each in ``readers``) give neutral ``blocks``;
``recognise`` finds the plan's parts (with ``frame``, ``preamble``, ``outline``, ``tables``) and ends in a
validated ``Plan`` plus ``notes`` (each with its code, KH510–KH529); ``emit`` writes any Plan as YAML.
Error codes are listed in ``errors``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..common.i18n import tr
from .blocks import Source
from .errors import import_error
from .readers import reader_for, shown_suffixes, suffix_list

if TYPE_CHECKING:
    from ..model import Plan
    from .notes import Note

MAX_BYTES = 50 * 1024 * 1024


@dataclass
class Imported:
    """The YAML written, the plan it holds, the notes (``notes.Note``: code, plan path, both languages,
    place in the original) and the summary lines."""

    yaml: str
    plan: Plan
    notes: list[Note]
    summary: list[str]

    @property
    def data(self) -> dict:
        """The plan as the YAML writes it (plain data, the file's key order)."""
        from .plain import plain

        return plain(self.plan)


def _read_bounded(path: Path) -> bytes:
    """The bytes of a regular file of at most MAX_BYTES; a folder, a device (/dev/zero, even through
    a link), a FIFO or a larger file is refused before anything is read."""
    import os
    import stat

    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise import_error("KH010", tr("không tìm thấy tệp", "file not found"), path) from None
    except IsADirectoryError:
        raise import_error("KH010", tr("là một thư mục, không phải văn bản", "is a folder, not a document"),
                           path) from None
    except OSError as exc:
        raise import_error("KH010", tr("không đọc được tệp: {e}", "cannot read the file: {e}",
                                       e=exc.strerror or exc), path) from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if stat.S_ISDIR(info.st_mode):
            raise import_error("KH010", tr("là một thư mục, không phải văn bản", "is a folder, not a document"), path)
        if not stat.S_ISREG(info.st_mode):
            raise import_error("KH010", tr("không phải tệp thường (thiết bị, FIFO hay socket): không đọc",
                                           "not a regular file (a device, FIFO or socket): not read"), path)
        if info.st_size > MAX_BYTES:
            raise import_error("KH005", tr("tệp quá lớn (hơn 50 MB)", "file too large (more than 50 MB)"), path)
        try:
            data = handle.read(MAX_BYTES + 1)  # the file may grow while it is read
        except OSError as exc:
            raise import_error("KH010", tr("không đọc được tệp: {e}", "cannot read the file: {e}",
                                           e=exc.strerror or exc), path) from None
    if len(data) > MAX_BYTES:
        raise import_error("KH005", tr("tệp quá lớn (hơn 50 MB)", "file too large (more than 50 MB)"), path)
    return data


# A warm LibreOffice the caller keeps for several documents: (path, bytes) → .docx bytes, or None
# when it cannot (the document is then converted by a LibreOffice of its own).
WarmOffice = Callable[[Path, bytes], "bytes | None"]


def read_source(path: Path, soffice: Callable[[], Path] | None = None, office: WarmOffice | None = None) -> Source:
    """The neutral blocks of the document at ``path``; ``soffice`` finds LibreOffice (.doc/.odt),
    ``office`` is a warm one for a run over several documents."""
    path = Path(path)
    suffix = path.suffix.lower()
    data = _read_bounded(path)
    if not data.strip():
        raise import_error("KH504", tr("tệp trống", "the file is empty"), path)
    reader = reader_for(suffix)
    if reader is None:
        raise import_error("KH501", tr(
            "không nhập được tệp đuôi '{s}': chỉ nhận {known}", "cannot import a '{s}' file: only {listed} are accepted",
            s=suffix or path.name, known=", ".join(shown_suffixes()), listed=suffix_list("and")), path)
    if reader.through_libreoffice:
        from .convert import convert_to_docx

        warm = office(path, data) if office is not None else None
        data = warm if warm is not None else convert_to_docx(path, soffice, data=data)
    return reader.function()(data, path)


def import_plan(path: Path, soffice: Callable[[], Path] | None = None, office: WarmOffice | None = None) -> Imported:
    """Read, recognise and write the YAML of the plan at ``path`` (raises KehoachError, exit 2)."""
    from .emit import dump
    from .recognise import recognise

    path = Path(path)
    source = read_source(path, soffice, office)
    result = recognise(source, path)
    header = [tr("Nhập từ {f} bằng `kehoach import`; đọc lại các chỗ ghi 'kiểm tra', rồi chạy `kehoach check`.",
                 "Imported from {f} by `kehoach import`; review the 'kiểm tra' comments, then run `kehoach check`.",
                 f=path.name)]
    header += [f"{note}" for note in source.notes]
    text = dump(result.plan, result.notes, header)
    return Imported(text, result.plan, result.notes, result.summary)
