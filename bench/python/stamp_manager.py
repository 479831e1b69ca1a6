"""A mirror of the Railtracks Python StampManager, with the same costs per call: a
threading.Lock taken around every mutation, time.time() for each stamp, a dataclass Stamp,
the step logs as a dict of lists (created on demand), and every stamp appended to one list."""
import threading
import time
from dataclasses import dataclass


@dataclass
class Stamp:
    time: float
    step: int
    identifier: str

    def __lt__(self, other):
        if self.step == other.step:
            return self.time < other.time
        return self.step < other.step

    def __hash__(self):
        return hash((self.time, self.step, self.identifier))


class StampManager:
    def __init__(self):
        self._step = 0
        self._lock = threading.Lock()
        self._step_logs = {self._step: []}
        self._stamps = []

    def create_stamp(self, message):
        with self._lock:
            if self._step not in self._step_logs:
                self._step_logs[self._step] = []
            stamp = Stamp(time.time(), self._step, message)
            self._step_logs[self._step].append(message)
            self._step += 1
            self._stamps.append(stamp)
            return stamp

    def stamp_creator(self):
        with self._lock:
            if self._step not in self._step_logs:
                self._step_logs[self._step] = []
            step = self._step
            self._step += 1

        def new_stamp(message):
            with self._lock:
                self._step_logs[step].append(message)
                stamp = Stamp(time.time(), step, message)
                self._stamps.append(stamp)
                return stamp

        return new_stamp

    def __len__(self):
        return len(self._stamps)
