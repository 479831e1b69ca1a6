// Lines per second and peak RSS for the file handlers: text and JSON, batched and sync,
// plus the raw writers (ours vs sonic-boom) on pre-formatted lines; text-turns logs 10 lines per
// event-loop turn (a batch opened and closed each turn); text-worker logs from a worker thread,
// where files write through by default. Each scenario runs in a
// fresh process; a run whose file lacks a line is reported as invalid.
// Usage: npm run build && node bench/file-handlers.mjs [lines]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SCENARIOS = ['text-batched', 'text-turns', 'text-worker', 'text-sync', 'json-batched', 'json-sync', 'writer-ours', 'writer-sonic-async', 'writer-sonic-sync'];

async function runScenario(name, file, n) {
  const lib = await import('../dist/index.js');
  const line = '2026-11-21 14:09:37,370 - 1.234 - INFO - RT.bench - hello world\n';
  const start = process.hrtime.bigint();
  if (name === 'text-worker') {
    const { Worker } = await import('node:worker_threads');
    const source = `
      const lib = await import(${JSON.stringify(new URL('../dist/index.js', import.meta.url).href)});
      const { workerData } = await import('node:worker_threads');
      const handler = new lib.FileHandler(workerData.file);
      handler.setFormatter(new lib.Formatter(lib.FILE_FORMAT));
      const log = lib.getRtLogger('bench');
      log.setLevel('INFO');
      log.propagate = false;
      log.addHandler(handler);
      for (let i = 0; i < workerData.n; i++) log.info('hello world');
      handler.close();`;
    const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(source)}`), { workerData: { file, n } });
    await new Promise((resolve) => worker.on('exit', resolve));
  } else if (name === 'text-turns') {
    const handler = new lib.FileHandler(file);
    handler.setFormatter(new lib.Formatter(lib.FILE_FORMAT));
    const log = lib.getRtLogger('bench');
    log.setLevel('INFO');
    log.propagate = false;
    log.addHandler(handler);
    for (let i = 0; i < n; i++) {
      log.info('hello world');
      if (i % 10 === 9) await new Promise((resolve) => setImmediate(resolve));
    }
    handler.close();
  } else if (name.startsWith('writer-')) {
    if (name === 'writer-ours') {
      const { BatchedFileWriter } = await import('../dist/handlers/batched-file-writer.js');
      const w = new BatchedFileWriter(file);
      for (let i = 0; i < n; i++) w.write(line);
      w.close();
    } else {
      const { default: SonicBoom } = await import('sonic-boom');
      const s = new SonicBoom({ dest: file, sync: name === 'writer-sonic-sync' });
      for (let i = 0; i < n; i++) s.write(line);
      await new Promise((resolve) => { s.on('close', resolve); s.end(); });
    }
  } else {
    const [format, mode] = name.split('-');
    const handler = new lib.FileHandler(file, { sync: mode === 'sync' });
    handler.setFormatter(format === 'json' ? new lib.JsonFormatter() : new lib.Formatter(lib.FILE_FORMAT));
    const log = lib.getRtLogger('bench');
    log.setLevel('INFO');
    log.propagate = false;
    log.addHandler(handler);
    for (let i = 0; i < n; i++) log.info('hello world');
    handler.close();
  }
  const ns = Number(process.hrtime.bigint() - start);
  return { ns, maxRssKiB: process.resourceUsage().maxRSS };
}

if (process.argv[2] === '--child') {
  const [, , , name, file, n] = process.argv;
  const result = await runScenario(name, file, Number(n));
  process.stdout.write(JSON.stringify(result));
} else {
  const n = Number(process.argv[2] ?? 200_000);
  const dir = mkdtempSync(join(tmpdir(), 'rt-bench-files-'));
  const self = fileURLToPath(import.meta.url);
  console.log(`${n} lines per run, Node ${process.version}\n`);
  console.log('scenario             ns/line   lines/s    peak RSS   lines');
  try {
    for (const name of SCENARIOS) {
      const file = join(dir, `${name}.log`);
      const child = spawnSync(process.execPath, [self, '--child', name, file, String(n)], { encoding: 'utf8' });
      if (child.status !== 0) {
        console.log(`${name.padEnd(20)} failed: ${child.stderr.trim()}`);
        continue;
      }
      const { ns, maxRssKiB } = JSON.parse(child.stdout);
      const lines = readFileSync(file, 'utf8').split('\n').length - 1;
      const perLine = ns / n;
      console.log(`${name.padEnd(20)} ${perLine.toFixed(0).padStart(7)} ${(1e9 / perLine).toFixed(0).padStart(10)} ${(maxRssKiB / 1024).toFixed(1).padStart(7)} MiB  ${lines === n ? 'all' : `INVALID (${lines})`}`);
      rmSync(file, { force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
