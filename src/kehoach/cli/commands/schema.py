"""``kehoach schema [-o FILE]``: the JSON Schema of a plan file, for editors (yaml-language-server)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from ...common.fileio import is_stream, write_atomic
from ...model import json_schema
from ..app import app
from ..failures import reported


def schema_text() -> str:
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"


@app.command()
def schema(
    output: Path | None = typer.Option(None, "-o", "--output", help="Ghi lược đồ vào tệp thay vì ra màn hình "
                                       "(ví dụ: kehoach.schema.json)."),
) -> None:
    """In lược đồ JSON Schema của tệp kế hoạch (tiêu đề, mô tả tiếng Việt) cho trình soạn thảo."""
    text = schema_text()
    if output is None:
        sys.stdout.write(text)
        return
    with reported():
        write_atomic(output, text.encode("utf-8"))
    if not is_stream(output):
        typer.echo(str(output))
