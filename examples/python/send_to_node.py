"""Python workers sending their records to the TypeScript collector (examples/collector.mjs).

Only the standard library is needed.

    python3 examples/python/send_to_node.py
"""
import logging
import logging.handlers

log = logging.getLogger("RT.worker-7")
log.setLevel(logging.DEBUG)
log.addHandler(logging.handlers.SocketHandler("127.0.0.1", 9020))
log.addHandler(logging.handlers.DatagramHandler("127.0.0.1", 9021))
log.addHandler(logging.handlers.HTTPHandler("127.0.0.1:9022", "/log", method="POST"))

log.info("chunk %s embedded: %d vectors", "doc.txt", 128, extra={"tenant": "acme"})
try:
    1 / 0
except ZeroDivisionError:
    log.exception("scoring failed")
logging.shutdown()
