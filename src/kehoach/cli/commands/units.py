"""``kehoach units --province NAME [-o FILE.csv]``: the official communes and wards of a province."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from ...common.fileio import is_stream, write_atomic
from ..app import app
from ..failures import reported


@app.command()
def units(
    province: str = typer.Option(..., "--province", "-p", help="Tên tỉnh, thành phố (ví dụ: \"An Giang\", an-giang).",
                                 show_default=False),
    output: Path | None = typer.Option(None, "-o", "--output", help="Tệp CSV đầu ra (mặc định: in ra màn hình)."),
) -> None:
    """Ghi danh sách xã, phường, đặc khu hiện hành của một tỉnh (sau sắp xếp năm 2025) thành CSV để điền."""
    with reported():
        from ...batch.units import communes, communes_csv, find_province  # only when listing units

        data = communes_csv(communes(find_province(province)))
        if output is None:
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
        else:
            written = write_atomic(output, data)
            if not is_stream(written):
                typer.echo(str(written))
