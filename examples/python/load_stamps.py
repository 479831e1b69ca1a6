#!/usr/bin/env python3
"""Load the JSON written by railtracks-observability's ``StampManager.toJSON()`` into Python.

Standard library only. The classes mirror Railtracks' profiling ``Stamp`` and ``StampManager``
(same attributes: ``_step``, ``_step_logs``, ``_stamps``), so code written against the Python
original can read a run recorded in Node.js and keep stamping where it left off.

    python3 load_stamps.py run.stamps.json      # prints the stamps in order
    python3 load_stamps.py - < run.stamps.json

    from load_stamps import load_stamp_manager
    sm = load_stamp_manager(json.load(open("run.stamps.json")))
    sm.create_stamp("resumed in Python")       # continues the step sequence

``load_into(target, data)`` fills any object with those three attributes instead, for example
an instance of the real ``railtracks`` StampManager.
"""
import json
import sys
import threading
import time


class Stamp:
    """One mark: epoch seconds, logical step, identifier. Ordered by step, then time."""

    def __init__(self, time, step, identifier):
        self.time = time
        self.step = step
        self.identifier = identifier

    def __lt__(self, other):
        if self.step == other.step:
            return self.time < other.time
        return self.step < other.step

    def __eq__(self, other):
        if not isinstance(other, Stamp):
            return NotImplemented
        return (self.time, self.step, self.identifier) == (other.time, other.step, other.identifier)

    def __repr__(self):
        return f"Stamp(time={self.time!r}, step={self.step!r}, identifier={self.identifier!r})"


class StampManager:
    """Hands out stamps; a creator reserves one step for a group of stamps."""

    def __init__(self):
        self._step = 0
        self._step_logs = {}
        self._stamps = []
        self._stamp_lock = threading.Lock()

    def create_stamp(self, message):
        with self._stamp_lock:
            stamp = Stamp(time.time(), self._step, message)
            self._step_logs[self._step] = [message]
            self._stamps.append(stamp)
            self._step += 1
            return stamp

    def stamp_creator(self):
        with self._stamp_lock:
            step = self._step
            self._step_logs[step] = []
            self._step += 1

        def creator(message):
            with self._stamp_lock:
                stamp = Stamp(time.time(), step, message)
                self._step_logs[step].append(message)
                self._stamps.append(stamp)
            return stamp

        return creator

    @property
    def step_logs(self):
        with self._stamp_lock:
            return {step: list(log) for step, log in self._step_logs.items()}

    @property
    def all_stamps(self):
        with self._stamp_lock:
            return sorted(Stamp(s.time, s.step, s.identifier) for s in self._stamps)


def _fail(message):
    raise ValueError(f"load_stamps: {message}")


def _check_step(value, where):
    # bool is an int subclass in Python; a JSON true is not a step.
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        _fail(f"{where} must be a non-negative integer, got {value!r}")
    return value


def load_into(target, data):
    """Check ``data`` (the parsed JSON) and set ``_step``, ``_step_logs``, ``_stamps`` on ``target``."""
    if not isinstance(data, dict):
        _fail(f"expected an object with step, step_logs, stamps, got {type(data).__name__}")
    step = _check_step(data.get("step"), "step")
    raw_logs = data.get("step_logs")
    if not isinstance(raw_logs, dict):
        _fail("step_logs must be an object mapping step to identifiers")
    step_logs = {}
    for key, log in raw_logs.items():
        if not key.isdigit() or int(key) >= step:
            _fail(f"step_logs key {key!r} must be a step below {step}")
        if not isinstance(log, list) or not all(isinstance(i, str) for i in log):
            _fail(f"step_logs[{key!r}] must be a list of strings")
        step_logs[int(key)] = list(log)
    stamps = []
    for i, raw in enumerate(data.get("stamps") or []):
        if not isinstance(raw, dict):
            _fail(f"stamps[{i}] must be an object")
        stamp_time = raw.get("time")
        if not isinstance(stamp_time, (int, float)) or isinstance(stamp_time, bool):
            _fail(f"stamps[{i}].time must be a number, got {stamp_time!r}")
        stamp_step = _check_step(raw.get("step"), f"stamps[{i}].step")
        identifier = raw.get("identifier")
        if not isinstance(identifier, str):
            _fail(f"stamps[{i}].identifier must be a string, got {identifier!r}")
        stamps.append(Stamp(float(stamp_time), stamp_step, identifier))
    target._step = step
    target._step_logs = dict(sorted(step_logs.items()))
    target._stamps = stamps
    return target


def load_stamp_manager(data):
    """A new StampManager holding the stamps and logs of ``data``; stamping continues at ``step``."""
    return load_into(StampManager(), data)


def main(argv):
    if len(argv) != 2:
        print("usage: load_stamps.py FILE.json | -", file=sys.stderr)
        return 2
    source = sys.stdin if argv[1] == "-" else open(argv[1], encoding="utf-8")
    with source:
        manager = load_stamp_manager(json.load(source))
    for stamp in manager.all_stamps:
        print(f"{stamp.step:>6}  {stamp.time:.6f}  {stamp.identifier}")
    print(f"{len(manager.all_stamps)} stamps, next step {manager._step}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
