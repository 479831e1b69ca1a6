"""Replays a recorded agent run (generate.mjs) through CPython logging with the Railtracks
layouts: the console line (the formatter mirror in bench/python) to a null stream, the log-file
layout to a file and JSON lines to a second file, every record carrying its session id (a
contextvar read by a filter), and the Python StampManager mirror taking the stamps.
The recording is parsed before the clock starts; the figure is the replay, flushed to disk.

    python3 bench/agent-run/replay.py RECORDING OUT_DIR   -> one JSON line of figures on stdout
"""
import contextvars
import json
import logging
import os
import resource
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "python"))
from railtracks_console import ColorfulFormatter  # noqa: E402
from railtracks_file import FILE_FORMAT, CountingNullStream, FileFormatter  # noqa: E402
from stamp_manager import StampManager  # noqa: E402

recording, out_dir = sys.argv[1], sys.argv[2]
with open(recording, encoding="utf-8") as f:
    events = [json.loads(line) for line in f]

session_id = contextvars.ContextVar("session_id", default=None)


class SessionFields(logging.Filter):
    """Puts the innermost session's id on the record, as our scopes do."""

    def filter(self, record):
        record.session_id = session_id.get()
        return True


class JsonLines(logging.Formatter):
    """A JSON line per record with the fields ours writes (Railtracks Python has no JSON layout)."""

    def format(self, record):
        line = {
            "timestamp": self.formatTime(record),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "session_id": record.session_id,
        }
        action = getattr(record, "action", None)
        if action is not None:
            line["action"] = action
        if record.exc_info:
            line["exception"] = {"stack": self.formatException(record.exc_info)}
        return json.dumps(line, ensure_ascii=False)


class ConsoleFormatter(ColorfulFormatter):
    """The console mirror, given the resolved message: the mirror re-resolves record.msg after
    replacing it, which fails on a message with arguments. The record is put back afterwards so
    the other handlers see it unchanged."""

    def format(self, record):
        saved = record.msg, record.args
        record.msg, record.args = record.getMessage(), None
        try:
            return super().format(record)
        finally:
            record.msg, record.args = saved


def arg_kwarg_logging_str(args, kwargs):
    positional = ", ".join(str(a) for a in args)
    keywords = ", ".join(f"{k}={v}" for k, v in kwargs.items())
    return f"({positional}, {keywords})"


class NodeError(Exception):
    pass


started = time.perf_counter_ns()
cpu0 = time.process_time_ns()
root = logging.getLogger("RT")
root.setLevel(logging.DEBUG)
root.propagate = False
text_path = os.path.join(out_dir, "python-run.log")
json_path = os.path.join(out_dir, "python-run.jsonl")
text_handler = logging.FileHandler(text_path, mode="w", encoding="utf-8")
text_handler.setFormatter(FileFormatter(FILE_FORMAT))
json_handler = logging.FileHandler(json_path, mode="w", encoding="utf-8")
json_handler.setFormatter(JsonLines())
console_stream = CountingNullStream()
console_handler = logging.StreamHandler(console_stream)
console_handler.setFormatter(ConsoleFormatter(colour=False))
for handler in (console_handler, text_handler, json_handler):
    handler.addFilter(SessionFields())
    root.addHandler(handler)
stamps = StampManager()
loggers = {}


def logger_for(name):
    logger = loggers.get(name)
    if logger is None:
        logger = loggers[name] = logging.getLogger(name)
    return logger


def play(i):
    """Plays events from i until the innermost session closes; returns the index after it."""
    n = len(events)
    while i < n:
        ev = events[i]
        kind = ev["e"]
        if kind == "enter":
            token = session_id.set(ev["session"])
            try:
                i = play(i + 1)
            finally:
                session_id.reset(token)
            continue
        if kind == "exit":
            return i + 1
        if kind == "created":
            action = {"kind": "CREATED", "parentNodeName": ev["parent"], "childNodeName": ev["child"], "inputArgs": ev["args"], "inputKwargs": ev["kwargs"]}
            root.info("%s CREATED %s" % (ev["parent"], ev["child"]), extra={"action": action})
            logger_for("RT." + ev["child"].split("-")[0]).debug("arguments %s", arg_kwarg_logging_str(ev["args"], ev["kwargs"]))
        elif kind == "log":
            logger_for(ev["logger"]).log(ev["level"], ev["msg"], *ev["args"])
        elif kind == "done":
            root.info("%s DONE" % ev["node"], extra={"action": {"kind": "DONE", "nodeName": ev["node"], "output": ev["output"]}})
        elif kind == "failed":
            try:
                raise NodeError(f"{ev['error']['type']}: {ev['error']['message']}")
            except NodeError:
                root.exception("%s FAILED" % ev["node"], extra={"action": {"kind": "FAILED", "nodeName": ev["node"]}})
        elif kind == "stamp":
            stamps.create_stamp(ev["id"])
        elif kind == "group":
            stamp = stamps.stamp_creator()
            for identifier in ev["ids"]:
                stamp(identifier)
        else:
            raise ValueError(f"unknown event {ev!r}")
        i += 1
    return i


play(0)
for handler in (text_handler, json_handler):
    handler.close()
ns = time.perf_counter_ns() - started
print(json.dumps({
    "ns": ns,
    "cpuNs": time.process_time_ns() - cpu0,
    "events": len(events),
    "maxRssKiB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    "stamps": len(stamps._stamps),
    "consoleLines": console_stream.lines,
    "consoleChars": console_stream.chars,
    "textBytes": os.path.getsize(text_path),
    "jsonBytes": os.path.getsize(json_path),
}))
