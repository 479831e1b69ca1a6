"""A stand-in for upstream Railtracks' logging layer, for the differential tests.

Written for this project from a reading of upstream's behaviour (RailtownAI/railtracks at
a0bf89d: utils/logging/config.py and create.py, context/central.py, utils/profiling.py); the
rules are upstream's, the code is ours. Where upstream only configures CPython's `logging`,
this does the same, so the records, handlers and formatting are CPython's own.

Tests import it from a python3 child (`import upstream_railtracks as up`) and print JSON.
"""
import contextlib
import contextvars
import copy
import dataclasses
import logging
import os
import re
import threading
import time

RT = "RT"

# colorama's Fore codes, as upstream uses them.
CYAN, WHITE, YELLOW, LIGHTRED, RED, GREEN, BLUE, GREY = (
    "\x1b[36m", "\x1b[37m", "\x1b[33m", "\x1b[91m", "\x1b[31m", "\x1b[32m", "\x1b[34m", "\x1b[90m")
LEVEL_COLOURS = {10: CYAN, 20: WHITE, 30: YELLOW, 40: LIGHTRED, 50: RED}
KEYWORDS = (("FAILED", RED), ("WARNING", YELLOW), ("CREATED", GREEN), ("DONE", BLUE))
CONSOLE_FORMAT = ("%(timestamp_color)s[+%(relative_seconds)-7ss] %(level_color)s"
                  "%(rt_display_name)-12s: %(levelname)-8s - %(message)s%(default_color)s")
# Upstream's file layout, stray `s` after the level name included.
FILE_FORMAT = "%(asctime)s - %(relative_seconds)s - %(levelname)ss - %(name)s - %(message)s"
LEVEL_NUMBERS = {"DEBUG": 10, "INFO": 20, "WARNING": 30, "ERROR": 40, "CRITICAL": 50, "NONE": 51}
CONTEXT_KEYS = ("session_id", "run_id", "node_id", "middleware_id", "middleware_type_id", "llm_id", "llm_type_id")


def display_name(name, style="short"):
    """The console's logger column: the last segment, ASCII strip, str.capitalize."""
    if style == "full" or not name.startswith(RT + "."):
        return name
    segment = name.split(".")[-1]
    label = re.sub(r"^[^a-zA-Z]+", "", segment)
    return RT + "." + (label.capitalize() if label else segment)


class ConsoleFormatter(logging.Formatter):
    def __init__(self, name_style="short"):
        super().__init__(CONSOLE_FORMAT)
        self.name_style = name_style

    def format(self, record):
        level_colour = LEVEL_COLOURS.get(record.levelno, WHITE)
        message = record.getMessage()
        for word, code in KEYWORDS:
            message = re.sub(r"(?i)\b(%s)\b" % word, lambda m, c=code: c + m.group(1) + level_colour, message)
        record.rt_display_name = display_name(record.name, self.name_style)
        record.relative_seconds = "%.3f" % (record.relativeCreated / 1000)
        record.timestamp_color, record.level_color, record.default_color = GREY, level_colour, WHITE
        kept = record.msg, record.args
        record.msg, record.args = message, ()
        try:
            return super().format(record)
        finally:
            record.msg, record.args = kept


ANSI = re.compile(r"\x1b\[[0-9;]*m")


def plain(text):
    """What colorama leaves of a line on a stream that is not a terminal."""
    return ANSI.sub("", text)


class PlainStream:
    """stderr as colorama wraps it for a pipe: escape codes stripped."""

    def __init__(self):
        self.text = ""

    def write(self, text):
        self.text += plain(text)

    def flush(self):
        pass


# ---- the context adapter -------------------------------------------------------------------

_runner = contextvars.ContextVar("runner_context", default=None)


class ContextAdapter(logging.LoggerAdapter):
    """Lays the run's ids over the caller's `extra`; all None outside a session."""

    def process(self, msg, kwargs):
        context = _runner.get()
        ids = dict.fromkeys(CONTEXT_KEYS)
        if context is not None:
            ids.update(context)
        kwargs["extra"] = {**kwargs.get("extra", {}), **ids}
        return msg, kwargs


def get_rt_logger(name=None):
    return ContextAdapter(logging.getLogger(RT if name is None else RT + "." + name), {})


@contextlib.contextmanager
def session(session_id, run_id=None, **ids):
    token = _runner.set({"session_id": session_id, "run_id": run_id, **ids})
    try:
        yield
    finally:
        _runner.reset(token)


# ---- enable_logging ------------------------------------------------------------------------

_module_level = contextvars.ContextVar("module_logging_level", default=None)


class ThreadAwareFilter(logging.Filter):
    def filter(self, record):
        level = _module_level.get()
        return level is None or record.levelno >= level


def attach_null_handler():
    """What `import railtracks` does to the RT logger."""
    logging.getLogger(RT).addHandler(logging.NullHandler())


def enable_logging(level="INFO", log_file=None, *, name_style="short", stream=None):
    name = (level if level is not None else os.environ.get("RT_LOG_LEVEL", "INFO")).upper()
    path = log_file if log_file is not None else (os.environ.get("RT_LOG_FILE") or None)
    _module_level.set(LEVEL_NUMBERS.get(name, 20))
    rt = logging.getLogger(RT)
    rt.setLevel(name)  # raises for NONE and unknown names, as upstream does
    if any(not isinstance(h, logging.NullHandler) for h in rt.handlers):
        return
    for handler in [h for h in rt.handlers if isinstance(h, logging.NullHandler)]:
        rt.removeHandler(handler)
    console = logging.StreamHandler(stream)
    console.addFilter(ThreadAwareFilter())
    console.setFormatter(ConsoleFormatter(name_style=name_style))
    rt.addHandler(console)
    if path is not None:
        file = logging.FileHandler(path)
        file.setLevel(logging.INFO)
        file.addFilter(ThreadAwareFilter())
        file.setFormatter(logging.Formatter(FILE_FORMAT))
        rt.addHandler(file)


# ---- stamps --------------------------------------------------------------------------------

@dataclasses.dataclass
class Stamp:
    time: float
    step: int
    identifier: str

    def __lt__(self, other):
        return (self.step, self.time) < (other.step, other.time)

    def __hash__(self):
        return hash((self.time, self.step, self.identifier))


class StampManager:
    def __init__(self):
        self._step = 0
        self._step_logs = {0: []}
        self._stamps = []
        self._lock = threading.Lock()

    def create_stamp(self, identifier):
        with self._lock:
            self._step_logs.setdefault(self._step, [])
            stamp = Stamp(time.time(), self._step, identifier)
            self._step_logs[self._step].append(identifier)
            self._step += 1
            self._stamps.append(stamp)
            return stamp

    def stamp_creator(self):
        with self._lock:
            self._step_logs.setdefault(self._step, [])
            reserved = self._step
            self._step += 1

        def new_stamp(identifier):
            with self._lock:
                self._step_logs[reserved].append(identifier)
                stamp = Stamp(time.time(), reserved, identifier)
                self._stamps.append(stamp)
                return stamp
        return new_stamp

    @property
    def step_logs(self):
        return copy.deepcopy(self._step_logs)

    @property
    def all_stamps(self):
        return copy.deepcopy(sorted(self._stamps))

    def state(self):
        """The pickled state (`__getstate__`), in the JSON interchange spelling."""
        return {"step": self._step, "step_logs": {str(k): v for k, v in self._step_logs.items()},
                "stamps": [dataclasses.asdict(s) for s in self._stamps]}

    def restore(self, state):
        """`__setstate__`: a shallow update, no checks."""
        self._step = state["step"]
        self._step_logs = {int(k): list(v) for k, v in state["step_logs"].items()}
        self._stamps = [Stamp(**s) for s in state["stamps"]]
