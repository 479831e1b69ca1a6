"""The Railtracks log-file layout and a counting null stream, shared by the Python contenders."""
import logging

FILE_FORMAT = "%(asctime)s - %(relative_seconds)s - %(levelname)s - %(name)s - %(message)s"


class FileFormatter(logging.Formatter):
    """The Railtracks file layout: relative_seconds is set by the formatter, as upstream does."""

    def format(self, record):
        record.relative_seconds = f"{record.relativeCreated / 1000:.3f}"
        return super().format(record)


class CountingNullStream:
    """Drops what it is given but counts the lines, like the Node side's null stream."""

    def __init__(self):
        self.lines = 0
        self.chars = 0

    def write(self, text):
        self.lines += text.count("\n")
        self.chars += len(text)

    def flush(self):
        pass
