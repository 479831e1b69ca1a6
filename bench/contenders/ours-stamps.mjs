// Our StampManager: createStamp, and groups of five stamps through one stampCreator.
import { StampManager } from '../../dist/profiling/index.js';
import { childArgs, measure } from '../harness/child.mjs';

const args = childArgs();
let manager = new StampManager();

const loops = {
  'stamp-create': (n) => { for (let i = 0; i < n; i++) manager.createStamp('agent step'); },
  'stamp-group5': (n) => {
    for (let i = 0; i < n; i += 5) {
      const stamp = manager.stampCreator();
      stamp('a'); stamp('b'); stamp('c'); stamp('d'); stamp('e');
    }
  },
};

await measure({
  // A cold scenario runs the same loop, only without the warm-up round.
  loop: loops[args.scenario.replace(/-cold$/, '')],
  ops: args.ops,
  warmup: args.warmup,
  // A fresh manager for the measured loop, so its count is the stamps made while timed.
  settle: async () => { manager = new StampManager(); },
  extra: () => ({ lines: manager.size }),
});
