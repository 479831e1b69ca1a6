"""The Python StampManager mirror on the stamp workloads: createStamp, and groups of five."""
from child import child_args, measure
from stamp_manager import StampManager

args = child_args()
manager = StampManager()


def create(n):
    for _ in range(n):
        manager.create_stamp("agent step")


def group5(n):
    for _ in range(0, n, 5):
        stamp = manager.stamp_creator()
        stamp("a"); stamp("b"); stamp("c"); stamp("d"); stamp("e")


def fresh_manager():
    # The measured loop starts from an empty manager so its count is the stamps made while timed.
    global manager
    manager = StampManager()


loops = {"stamp-create": create, "stamp-group5": group5}
# A cold scenario runs the same loop, only without the warm-up round.
measure(loops[args.scenario.removesuffix("-cold")], args.ops, args.warmup, settle=fresh_manager, extra=lambda: {"lines": len(manager)})
