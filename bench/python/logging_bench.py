"""CPython's logging on the same workloads as the Node contenders.

Variants: `file` (a FileHandler with the Railtracks log-file layout) and `console-plain` /
`console-colour` (the Railtracks console formatter mirror into a null stream)."""
import json
import logging

from child import child_args, measure
from railtracks_console import ColorfulFormatter
from railtracks_file import FILE_FORMAT, CountingNullStream, FileFormatter

args = child_args()
payloads = json.load(open(args.payloads)) if args.payloads else {}
deep = payloads.get("deep")
bound = payloads.get("bound", {})
console_message = payloads.get("consoleMessage", "")

stream = None
if args.variant.startswith("console"):
    log = logging.getLogger("RT.bench")
    stream = CountingNullStream()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(ColorfulFormatter(colour=args.variant == "console-colour"))
else:
    log = logging.getLogger("bench")
    handler = logging.FileHandler(args.out, mode="w")
    handler.setFormatter(FileFormatter(FILE_FORMAT))
log.setLevel(logging.INFO)
log.propagate = False
log.addHandler(handler)
child = logging.LoggerAdapter(log, bound)


def basic(n):
    for _ in range(n):
        log.info("hello world")


def printf(n):
    for _ in range(n):
        log.info("user %s did %d things", "bob", 42)


def object_(n):
    for _ in range(n):
        log.info("hello world %s", {"userId": 42, "event": "login", "ok": True})


def deep_(n):
    for _ in range(n):
        log.info("hello world %s", deep)


def child_(n):
    for _ in range(n):
        child.info("hello world")


def disabled(n):
    for _ in range(n):
        log.debug("hello world")


def console(n):
    for _ in range(n):
        log.info(console_message)


loops = {
    "basic": basic, "printf": printf, "object": object_, "deep": deep_,
    "child": child_, "disabled": disabled, "console": console,
}

measure(
    loops[args.scenario], args.ops, args.warmup,
    settle=handler.flush,
    finish=handler.close,
    extra=lambda: {} if stream is None else {"lines": stream.lines},
)
