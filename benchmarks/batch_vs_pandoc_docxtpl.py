"""Batch throughput against pandoc (called once per plan) and docxtpl (one process), same plans.

    .venv/bin/python benchmarks/batch_vs_pandoc_docxtpl.py            # 60 communes of An Giang
    .venv/bin/python benchmarks/batch_vs_pandoc_docxtpl.py -n 200 --units vn:all

The plans are the example batch template (examples/batch/plan.yaml) filled for the first ``-n``
units of ``--units``. Each contender makes one .docx per plan, in a fresh temporary folder:
- kehoach: ``batch.run`` in this process (placeholders, schema, lint, compose, .docx, atomic
  write, manifest), ``--jobs 1`` so that it is one process like docxtpl; ``--jobs`` = all cores is
  shown too;
- pandoc: ``pandoc plan.md -o plan.docx`` once per plan, the Markdown of the same text prepared
  beforehand (not timed);
- docxtpl: a template .docx built here at run time with python-docx (letterhead table, title,
  a paragraph loop, signature table), ``DocxTemplate(...).render(context).save(...)`` per plan in
  one process, the context (the same text, already composed) prepared beforehand (not timed).
Goals: kehoach at least 10× pandoc and at least 2× docxtpl in documents per second.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from kehoach.batch import runner as batch
from kehoach.batch import worker
from kehoach.build import render
from kehoach.source.loader import Source, parse_yaml, read_text
from kehoach.batch.units import communes_csv, read_units

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "examples" / "batch" / "plan.yaml"


def unit_plans(units: str, n: int) -> tuple[list, list[dict]]:
    """The first n units' Plan models and their rows."""
    source = Source(str(PLAN), read_text(PLAN)[0])
    data = parse_yaml(source)
    worker._start_worker(source, data, Path("."), None, None, False, in_pool=False)
    rows = read_units(units).units[:n]
    plans = []
    for unit in rows:
        plan, problems = worker._validate(worker._template.placeholders.render(unit), unit, source)
        assert plan is not None, problems
        plans.append(plan)
    worker._stop_worker()
    return plans, [u.fields for u in rows]


def paragraphs(plan) -> list[str]:
    return [p.strip() for p in render(plan, "txt").decode("utf-8").split("\n\n") if p.strip()]


def markdown(plan) -> str:
    """The plan's text as Markdown: roman-numbered lines as headings, the rest as paragraphs."""
    out = []
    for para in paragraphs(plan):
        if para.split(" ", 1)[0].rstrip(".") in {"I", "II", "III", "IV", "V", "VI", "VII"}:
            out.append("## " + para)
        else:
            out.append(para.replace("\n", "  \n"))
    return "\n\n".join(out) + "\n"


def docxtpl_template(path: Path) -> None:
    """A docxtpl template with the same layout elements: letterhead, title, body loop, signature."""
    import docx
    from docx.shared import Pt

    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name, style.font.size = "Times New Roman", Pt(14)
    head = document.add_table(rows=2, cols=2)
    head.cell(0, 0).text = "{{ issuer }}"
    head.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    head.cell(1, 0).text = "Số: {{ number }}"
    head.cell(1, 1).text = "{{ place_date }}"
    document.add_paragraph("KẾ HOẠCH").runs[0].bold = True
    document.add_paragraph("{{ title }}").runs[0].bold = True
    document.add_paragraph("{%p for para in body %}")
    document.add_paragraph("{{ para }}")
    document.add_paragraph("{%p endfor %}")
    sign = document.add_table(rows=1, cols=2)
    sign.cell(0, 0).text = "Nơi nhận:\n{{ recipients }}"
    sign.cell(0, 1).text = "{{ signature }}"
    document.save(path)


def docxtpl_context(plan) -> dict[str, str | list[str]]:
    paras = paragraphs(plan)
    title_at = paras.index(next(p for p in paras if p.startswith("KẾ HOẠCH")))
    return {
        "issuer": " ".join(plan.letterhead.issuer), "number": f"/{plan.symbol}",
        "place_date": paras[title_at - 1].splitlines()[-1], "title": plan.title,
        "body": paras[title_at + 1: -2], "recipients": paras[-2], "signature": paras[-1],
    }


def timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, default=60, help="plans (default 60)")
    parser.add_argument("--units", default="vn:an-giang", help="units table (default vn:an-giang)")
    args = parser.parse_args()
    from docxtpl import DocxTemplate

    load_before = os.getloadavg()[0]
    plans, rows = unit_plans(args.units, args.n)
    n = len(plans)
    work = Path(tempfile.mkdtemp(prefix="kehoach-vs-"))
    try:
        units_csv = work / "units.csv"
        units_csv.write_bytes(communes_csv([{**dict.fromkeys(["leader", "title", "abbreviation"], ""), **r}
                                            for r in rows]))
        render(plans[0], "docx")  # warm imports and caches, as a batch worker does once

        def kehoach_run(jobs: int):
            out = work / f"kehoach-{jobs}"
            return lambda: batch.run(batch.Options(PLAN, str(units_csv), out, jobs=jobs))

        results = {"kehoach --jobs 1": timed(kehoach_run(1))}
        cores = os.cpu_count() or 1
        results[f"kehoach --jobs {cores}"] = timed(kehoach_run(cores))

        md_dir = work / "md"
        md_dir.mkdir()
        sources = []
        for i, plan in enumerate(plans):
            sources.append(md_dir / f"{i}.md")
            sources[-1].write_text(markdown(plan), encoding="utf-8")
        results["pandoc, once per plan"] = timed(lambda: [
            subprocess.run(["pandoc", str(md), "-o", str(md.with_suffix(".docx"))], check=True) for md in sources])

        template = work / "template.docx"
        docxtpl_template(template)
        contexts = [docxtpl_context(plan) for plan in plans]
        tpl_dir = work / "docxtpl"
        tpl_dir.mkdir()

        def docxtpl_all() -> None:
            for i, context in enumerate(contexts):
                document = DocxTemplate(template)
                document.render(context)
                document.save(tpl_dir / f"{i}.docx")

        results["docxtpl, one process"] = timed(docxtpl_all)
        import docx

        check = "\n".join(p.text for p in docx.Document(tpl_dir / "0.docx").paragraphs)
        assert plans[0].title in check and contexts[0]["body"][-1] in check, "docxtpl output lacks the text"
        pandoc_version = subprocess.run(["pandoc", "--version"], capture_output=True, text=True).stdout.split("\n")[0]
    finally:
        shutil.rmtree(work, ignore_errors=True)

    import docxtpl

    base = results["kehoach --jobs 1"]
    print(f"{n} plans from {PLAN.relative_to(ROOT)} × {args.units}; {platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, {pandoc_version}, docxtpl {docxtpl.__version__}; "
          f"load average before: {load_before:.2f}\n")
    print("| way | s | documents/s | time ÷ kehoach --jobs 1 |")
    print("|---|---:|---:|---:|")
    for way, seconds in results.items():
        print(f"| {way} | {seconds:.2f} | {n / seconds:.1f} | {seconds / base:.1f}× |")
    pandoc, tpl = results["pandoc, once per plan"] / base, results["docxtpl, one process"] / base
    print(f"\ngoals: ≥ 10× pandoc: {'met' if pandoc >= 10 else 'NOT met'} ({pandoc:.1f}×); "
          f"≥ 2× docxtpl: {'met' if tpl >= 2 else 'NOT met'} ({tpl:.1f}×)")
    print(f"\nreproduce: .venv/bin/python benchmarks/batch_vs_pandoc_docxtpl.py -n {args.n} --units {args.units}")


if __name__ == "__main__":
    main()
