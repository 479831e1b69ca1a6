// Reading logs back, newest first, a page at a time; then the same with the rtlog CLI.
// Run: npm run build && node examples/read-logs.mjs
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FILE_FORMAT, FileHandler, Formatter, getRtLogger } from '../dist/index.js';
import { levelNumberOf, parseLine, readLinesBackward, readLogs } from '../dist/reader/index.js';

const file = join(mkdtempSync(join(tmpdir(), 'rt-example-read-')), 'run.log');
const handler = new FileHandler(file);
handler.setFormatter(new Formatter(FILE_FORMAT));
getRtLogger().setLevel('DEBUG');
getRtLogger().addHandler(handler);
for (let i = 0; i < 30; i++) getRtLogger(i % 3 ? 'worker' : 'planner').log(i % 2 ? 20 : 30, 'step %d', i);
getRtLogger('worker').exception('step failed', new Error('boom'));
handler.close();

const first = await readLogs(file, { pageSize: 5 });
console.log('page 0:', first.records.map((r) => `${r.level} ${r.logger} ${r.message.split('\n')[0]}`), 'hasMore:', first.hasMore);
// The next page from where page 0 ended, without reading its records again.
const second = await readLogs(file, { pageSize: 5, before: first.nextBefore });
console.log('page 1 via nextBefore:', second.records.map((r) => r.message.split('\n')[0]));
const warnings = await readLogs(file, { level: 'WARNING', logger: 'RT.planner', pageSize: 3, page: 1 });
console.log('planner warnings, page 1:', warnings.records.map((r) => r.message));

const [lastError] = (await readLogs(file, { level: 'ERROR', pageSize: 1 })).records;
console.log('last error with its traceback:\n' + lastError.raw);
for await (const { text } of readLinesBackward(file)) { console.log('last line:', text); break; }
console.log(parseLine('{"timestamp":"2026-11-21T14:09:37.370Z","level":"INFO","logger":"RT","message":"hi"}', 0));
console.log('WARNING is', levelNumberOf('WARNING'));
console.log(`${statSync(file).size} bytes; try: node dist/cli/rtlog.js ${file} -n 5 --level WARNING`);
