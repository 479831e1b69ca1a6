"""One config file for both languages: the Python half of examples/shared-config.mjs.

    python3 examples/python/shared_config.py
"""
import json
import logging
import logging.config
from pathlib import Path

config = json.loads((Path(__file__).parent.parent / "logging.json").read_text(encoding="utf-8"))
logging.config.dictConfig(config)
logging.getLogger("RT.worker-42").info("chunk %s of %d embedded", "doc.txt", 3)
logging.getLogger("RT.worker-42").debug("cache hit ratio %.2f", 0.875)
logging.getLogger("RT.coordinator").warning("retrying %r", {"attempt": 2})
