"""A long-lived helper that drives one running LibreOffice over UNO (used by ``pdf.Converter``).

Run by a Python that can ``import uno`` (on Debian ``/usr/bin/python3`` with python3-uno, on
Windows and macOS the Python bundled with LibreOffice), which is usually not the Python running
kehoach. So this file imports only the standard library and ``uno``, never ``kehoach``.

Protocol: JSON lines. After connecting it writes ``{"ready": true}`` (or ``{"ready": false,
"error": …}``); then for each request ``{"src": docx path, "dst": pdf path, "filter_data": {…}}``
(PDF export options, may be empty; ``"filter": "MS Word 2007 XML"`` stores a .docx instead, and
``"untrusted": true`` opens a foreign document with its macros and links never run) read from stdin it
writes ``{"ok": true}`` or ``{"ok": false, "error": …, "fatal": bool}``. ``fatal`` means the
connection to LibreOffice is gone and this process is about to exit.

Usage: python3 uno_worker.py PIPE_NAME CONNECT_TIMEOUT_SECONDS
"""

import json
import sys
import time


def _reply(**fields):
    sys.stdout.write(json.dumps(fields, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def _connect(pipe_name, deadline):
    import uno

    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    url = "uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe_name
    while True:
        try:
            ctx = resolver.resolve(url)
            return ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        except Exception:  # NoConnectException until soffice has opened the pipe
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def _props(**values):
    from com.sun.star.beans import PropertyValue

    result = []
    for name, value in values.items():
        prop = PropertyValue()
        prop.Name, prop.Value = name, value
        result.append(prop)
    return tuple(result)


def _convert(desktop, src, dst, filter_data=None, filter_name="writer_pdf_Export", untrusted=False):
    import uno

    load = dict(Hidden=True, ReadOnly=True)
    if untrusted:  # MacroExecMode NEVER_EXECUTE, UpdateDocMode NO_UPDATE: nothing of the file runs
        load.update(MacroExecutionMode=0, UpdateDocMode=0)
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(src), "_blank", 0, _props(**load))
    if doc is None:
        raise RuntimeError("LibreOffice could not open %s" % src)
    try:
        store = dict(FilterName=filter_name)
        if filter_data:  # e.g. SelectPdfVersion=2 for PDF/A-2b
            store["FilterData"] = uno.Any("[]com.sun.star.beans.PropertyValue", _props(**filter_data))
        # uno.invoke keeps the typed Any of FilterData through the bridge.
        uno.invoke(doc, "storeToURL", (uno.systemPathToFileUrl(dst), _props(**store)))
    finally:
        doc.close(True)


def main():
    pipe_name, connect_timeout = sys.argv[1], float(sys.argv[2])
    try:
        desktop = _connect(pipe_name, time.monotonic() + connect_timeout)
    except Exception as exc:
        _reply(ready=False, error="%s: %s" % (type(exc).__name__, exc))
        return 1
    try:
        _reply(ready=True)
        return _serve(desktop)
    finally:
        # However this ends (stdin closed because kehoach exited or died, a broken pipe, a dead
        # bridge), take LibreOffice down with it rather than leave it running unattended.
        try:
            desktop.terminate()
        except Exception:
            pass


def _serve(desktop):
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        try:
            _convert(desktop, request["src"], request["dst"], request.get("filter_data"),
                     request.get("filter", "writer_pdf_Export"), bool(request.get("untrusted")))
        except Exception as exc:
            name = type(exc).__name__
            # A dead bridge cannot convert anything else: say so and stop.
            fatal = name == "DisposedException" or "bridge" in str(exc).lower()
            _reply(ok=False, error="%s: %s" % (name, getattr(exc, "Message", "") or exc), fatal=fatal)
            if fatal:
                return 1
        else:
            _reply(ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
