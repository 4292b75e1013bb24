"""Editing-loop latency: diagnostics from ``kehoach lsp`` after a change, and a preview refresh.

    .venv/bin/python benchmarks/lsp_latency.py                  # examples/002 (the largest), 30 changes
    .venv/bin/python benchmarks/lsp_latency.py --plan PLAN -n 50

LSP: starts ``python -m kehoach lsp`` and speaks JSON-RPC to it over its stdin/stdout by hand (no
client library in the loop); opens the plan, warms up with 5 changes, then times ``n`` changes
(each edits one paragraph) from the ``didChange`` written to the ``publishDiagnostics`` read back.
Preview: ``PreviewState.refresh`` in this process (check + compose + paged HTML), the work done
between the file's save and the update sent to the page. Peer: a cold ``kehoach check PLAN``
process, what an editor without a server would run on save. Goal: ≤ 100 ms warm.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOAL_MS = 100


class Rpc:
    def __init__(self) -> None:
        env = {**os.environ, "KEHOACH_NO_SERVER": "1"}
        self.process = subprocess.Popen([sys.executable, "-m", "kehoach", "lsp"], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, env=env)
        self.next_id = 0

    def send(self, method: str, params: dict, *, request: bool = False) -> int | None:
        message = {"jsonrpc": "2.0", "method": method, "params": params}
        ident = None
        if request:
            self.next_id += 1
            ident = message["id"] = self.next_id
        body = json.dumps(message).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()
        return ident

    def receive(self) -> dict:
        length = 0
        while True:
            line = self.process.stdout.readline()
            if line in (b"\r\n", b"\n"):
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        return json.loads(self.process.stdout.read(length))

    def wait(self, predicate) -> dict:
        while True:
            message = self.receive()
            if predicate(message):
                return message

    def close(self) -> None:
        ident = self.send("shutdown", None, request=True)
        self.wait(lambda m: m.get("id") == ident)
        self.send("exit", None)
        self.process.wait(10)


def lsp_latencies(plan: Path, count: int) -> tuple[list[float], int]:
    text = plan.read_text("utf-8")
    uri = plan.resolve().as_uri()
    rpc = Rpc()
    ident = rpc.send("initialize", {"processId": os.getpid(), "capabilities": {}, "rootUri": None}, request=True)
    rpc.wait(lambda m: m.get("id") == ident)
    rpc.send("initialized", {})
    rpc.send("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}})
    first = rpc.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics")
    findings = len(first["params"]["diagnostics"])
    times = []
    for version in range(2, count + 7):
        # One paragraph changes: a number in the text, as an officer typing would.
        changed = text.replace("năm", f"năm {version}", 1) if "năm" in text else text + f"\n# {version}\n"
        start = time.perf_counter()
        rpc.send("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                            "contentChanges": [{"text": changed}]})
        rpc.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                 and m["params"].get("version") == version)
        if version > 6:  # 5 warm-up changes
            times.append((time.perf_counter() - start) * 1000)
    rpc.close()
    return times, findings


def preview_latencies(plan: Path, count: int) -> list[float]:
    from kehoach.cli.preview.state import PreviewState

    state = PreviewState(plan)
    for _ in range(5):
        state.refresh()
    times = []
    for _ in range(count):
        start = time.perf_counter()
        state.refresh()
        times.append((time.perf_counter() - start) * 1000)
    return times


def cold_check(plan: Path, count: int = 5) -> list[float]:
    env = {**os.environ, "KEHOACH_NO_SERVER": "1"}
    times = []
    for _ in range(count):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "kehoach", "check", str(plan)], env=env, capture_output=True)
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plan", type=Path, default=ROOT / "examples" / "002-bo-ldtbxh-qd-224.yaml")
    parser.add_argument("-n", type=int, default=30)
    args = parser.parse_args()
    lines = len(args.plan.read_text("utf-8").splitlines())
    lsp, findings = lsp_latencies(args.plan, args.n)
    preview = preview_latencies(args.plan, args.n)
    cold = cold_check(args.plan)
    base = statistics.median(cold)
    print(f"plan: {args.plan.name} ({lines} lines, {findings} findings), {args.n} changes after 5 warm-up")
    print(f"{'way':<52}{'median ms':>10}{'p90 ms':>9}{'vs cold':>9}")
    for name, values in (("kehoach lsp: didChange → publishDiagnostics", lsp),
                         ("preview refresh (check + compose + pages)", preview),
                         ("cold `kehoach check` process (median of 5)", cold)):
        p90 = statistics.quantiles(values, n=10)[-1] if len(values) >= 2 else values[0]
        print(f"{name:<52}{statistics.median(values):>10.1f}{p90:>9.1f}{statistics.median(values) / base:>8.2f}×")
    verdict = "met" if statistics.median(lsp) <= GOAL_MS else "NOT met"
    print(f"goal ≤ {GOAL_MS} ms warm (LSP median): {verdict}")


if __name__ == "__main__":
    main()
