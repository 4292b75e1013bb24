"""``kehoach rules``: list the lint rules, or explain one with its examples."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.markup import escape
from rich.syntax import Syntax
from rich.table import Table

from ...common.i18n import tr
from ..app import app

FIX_MARKS = {None: "", "safe": "✓", "unsafe": "✓*", "sometimes": "✓*"}


@app.command("rules")
def rules_command(
    code: str | None = typer.Argument(None, help="Mã cần giải thích (ví dụ KH203, KH010).", metavar="CODE",
                                      show_default=False),
) -> None:
    """Liệt kê các quy tắc kiểm tra, hoặc giải thích một quy tắc kèm ví dụ đạt và không đạt."""
    from ...pipeline.check import rules

    known = rules()
    from ..codes import CODES

    console = Console(highlight=False, soft_wrap=True)
    if code is None:
        table = Table(title=tr("Quy tắc kiểm tra của kehoach", "kehoach lint rules"), caption=tr(
            "Sửa: ✓ check --fix sửa được; ✓* cần --unsafe-fixes (một số hoặc tất cả)",
            "Fix: ✓ check --fix fixes it; ✓* needs --unsafe-fixes (some or all)"))
        table.add_column(tr("Mã", "Code"), no_wrap=True)
        table.add_column(tr("Tên", "Name"), no_wrap=True)
        table.add_column(tr("Mức", "Severity"), no_wrap=True)
        table.add_column(tr("Sửa", "Fix"), no_wrap=True)
        table.add_column(tr("Nội dung", "Summary"))
        table.add_column(tr("Căn cứ", "Enforces"))
        for rule in sorted(known.values(), key=lambda r: r.code):
            table.add_row(*(escape(cell) for cell in (rule.code, rule.name, rule.severity.value,
                                                      FIX_MARKS[rule.fix], rule.title, rule.locator)))
        console.print(table)
        others = Table(title=tr("Các mã khác: đọc tệp, lược đồ, cấu hình, mẫu, dựng, hàng loạt, PDF, máy chủ",
                                "Other codes: reading, schema, configuration, templates, build, batch, PDF, server"))
        others.add_column(tr("Mã", "Code"), no_wrap=True)
        others.add_column(tr("Mức", "Severity"), no_wrap=True)
        others.add_column(tr("Nội dung", "Summary"))
        for entry in sorted(CODES.values(), key=lambda c: c.code):
            others.add_row(escape(entry.code), entry.severity, escape(entry.title))
        console.print(others)
        return
    wanted = code.strip().upper()
    if wanted in CODES and wanted not in known:
        entry = CODES[wanted]
        console.print(f"[bold]{entry.code}[/bold] ({entry.severity}) — {escape(entry.title)}")
        console.print()
        console.print(entry.explanation, markup=False)
        return
    rule = known.get(wanted)
    if rule is None:
        typer.echo(tr("không có mã `{c}`; xem `kehoach rules`", "no code `{c}`; see `kehoach rules`", c=code),
                   err=True)
        raise typer.Exit(2)
    passing, failing = rule.examples
    console.print(f"[bold]{rule.code}[/bold] {escape(rule.name)} ({rule.severity.value}) — {escape(rule.title)}")
    console.print(tr("Căn cứ: {l}", "Enforces: {l}", l=rule.locator), markup=False)
    console.print(tr("Sửa tự động: {f}", "Fixable: {f}", f=rule.fix_label) + {
        None: "", "safe": " (check --fix)", "unsafe": " (check --fix --unsafe-fixes)",
        "sometimes": " (check --fix; --unsafe-fixes)"}[rule.fix], markup=False)
    if rule.needs_profile:
        console.print(tr("Chỉ chạy khi kế hoạch theo một hồ sơ hướng dẫn.", "Runs only when the plan follows a profile."))
    console.print()
    console.print(rule.explanation, markup=False)
    shown = [(tr("Đạt:", "Passes:"), passing), (tr("Không đạt:", "Fails:"), failing)]
    if rule.fixed_example:
        shown.append((tr("Sau khi sửa tự động:", "Fixed:"), rule.fixed_example))
    for heading, example in shown:
        console.print()
        console.print(f"[bold]{heading}[/bold]")
        console.print(Syntax(example, "yaml", theme="ansi_dark", background_color="default"))
