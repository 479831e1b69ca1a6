"""What every Python contender does around its workload, mirroring bench/harness/child.mjs:
read the driver's arguments, warm up, time the measured loop including the final flush, and
print one JSON line (time, peak RSS) on stdout."""
import argparse
import json
import resource
import sys
import time


def child_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--scenario", required=True)
    parser.add_argument("--variant", default="")
    parser.add_argument("--ops", type=int, required=True)
    parser.add_argument("--warmup", type=int, default=0)
    parser.add_argument("--out", default="")
    parser.add_argument("--payloads", default="")
    return parser.parse_args()


def measure(loop, ops, warmup, settle=lambda: None, finish=lambda: None, extra=lambda: {}):
    if warmup > 0:
        loop(warmup)
        settle()
    cpu0 = time.process_time_ns()
    t0 = time.perf_counter_ns()
    loop(ops)
    finish()
    ns = time.perf_counter_ns() - t0
    cpu_ns = time.process_time_ns() - cpu0
    # ru_maxrss is in KiB on Linux, the same unit Node's resourceUsage().maxRSS reports.
    report = {"ns": ns, "cpuNs": cpu_ns, "ops": ops, "maxRssKiB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}
    report.update(extra())
    sys.stdout.write(json.dumps(report) + "\n")
