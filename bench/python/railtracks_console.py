"""A mirror of the Railtracks Python console formatter, for the console-line workload: it
resolves the message, wraps each of the four keywords in colour codes with a case-insensitive
whole-word substitution, sets the colour and relative_seconds attributes on the record, then
lets logging.Formatter render the layout. The colour codes are the plain ANSI strings colorama's
Fore constants hold, written out here so the benchmark needs only the standard library.

With colour=False every code is the empty string, which gives the plain line byte for byte."""
import logging
import re

RESET_WHITE, RED, YELLOW, GREEN, BLUE, CYAN, BRIGHT_BLACK, BRIGHT_RED = (
    "\x1b[37m", "\x1b[31m", "\x1b[33m", "\x1b[32m", "\x1b[34m", "\x1b[36m", "\x1b[90m", "\x1b[91m",
)

CONSOLE_FORMAT = (
    "%(timestamp_color)s[+%(relative_seconds)-7ss]%(default_color)s "
    "%(level_color)s%(name)-12s: %(levelname)-8s - %(message)s%(default_color)s"
)


class ColorfulFormatter(logging.Formatter):
    def __init__(self, colour=True):
        super().__init__(CONSOLE_FORMAT)
        code = (lambda c: c) if colour else (lambda c: "")
        self.level_colors = {
            logging.DEBUG: code(CYAN),
            logging.INFO: code(RESET_WHITE),
            logging.WARNING: code(YELLOW),
            logging.ERROR: code(BRIGHT_RED),
            logging.CRITICAL: code(RED),
        }
        self.keyword_colors = {"FAILED": code(RED), "WARNING": code(YELLOW), "CREATED": code(GREEN), "DONE": code(BLUE)}
        self.timestamp_color = code(BRIGHT_BLACK)
        self.default_color = code(RESET_WHITE)

    def format(self, record):
        level_color = self.level_colors.get(record.levelno, self.default_color)
        record.msg = record.getMessage()
        for keyword, color in self.keyword_colors.items():
            record.msg = re.sub(rf"(?i)\b({keyword})\b", f"{color}\\1{level_color}", record.msg)
        record.timestamp_color = self.timestamp_color
        record.level_color = level_color
        record.default_color = self.default_color
        record.relative_seconds = f"{record.relativeCreated / 1000:.3f}"
        return super().format(record)
