/**
 * The package's public face as a consumer meets it: the root and each subpath imported by name
 * from ESM and from CommonJS, their types checked by tsc, and what importing the root loads.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { removeTempDirs, tempDir } from './support/temp-dir.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const consumer = join(tempDir('entry-points'), 'consumer');
mkdirSync(join(consumer, 'node_modules'), { recursive: true });
symlinkSync(root, join(consumer, 'node_modules', 'railtracks-observability'), 'dir');
afterAll(removeTempDirs);

/** One name from each entry that proves the right module answered. */
const ENTRIES: Record<string, string> = {
  'railtracks-observability': 'getRtLogger',
  'railtracks-observability/profiling': 'StampManager',
  'railtracks-observability/interop': 'configureFromFile',
  'railtracks-observability/reader': 'readLogs',
  'railtracks-observability/python': 'pyRepr',
  'railtracks-observability/testing': 'MemoryHandler',
  'railtracks-observability/telemetry': 'monitorResources',
  'railtracks-observability/viewer': 'createLogServer',
  'railtracks-observability/otel': 'OTelHandler',
};

function run(file: string, source: string, args: string[] = []) {
  writeFileSync(join(consumer, file), source);
  return spawnSync(process.execPath, [...args, file], { cwd: consumer, encoding: 'utf8' });
}

describe('entry points, as a consumer imports them by name', () => {
  test('each one loads from import()', () => {
    const result = run('esm.mjs', Object.entries(ENTRIES).map(([spec, name], i) =>
      `import { ${name} as n${i} } from '${spec}'; console.log('${spec}', typeof n${i});`).join('\n'));
    expect(result.stderr).toBe('');
    expect(result.stdout.trim().split('\n')).toEqual(Object.keys(ENTRIES).map((spec) => `${spec} function`));
  });

  test('each one loads from require()', () => {
    const result = run('cjs.cjs', Object.entries(ENTRIES).map(([spec, name]) =>
      `console.log('${spec}', typeof require('${spec}').${name});`).join('\n'));
    expect(result.stderr).toBe('');
    expect(result.stdout.trim().split('\n')).toEqual(Object.keys(ENTRIES).map((spec) => `${spec} function`));
  });

  test("each one has types: a consumer's TypeScript checks, and a misuse is caught", () => {
    writeFileSync(join(consumer, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, typeRoots: [join(root, 'node_modules/@types')], types: ['node'] },
      files: ['use.ts', 'misuse.ts'],
    }));
    writeFileSync(join(consumer, 'use.ts'), `
      import { getRtLogger, type LogRecord } from 'railtracks-observability';
      import { StampManager } from 'railtracks-observability/profiling';
      import { configure } from 'railtracks-observability/interop';
      import { readLogs, type LogPage } from 'railtracks-observability/reader';
      import { pyRepr } from 'railtracks-observability/python';
      import { MemoryHandler, resetLogging } from 'railtracks-observability/testing';
      import { createLogServer, type LogServer } from 'railtracks-observability/viewer';
      const viewer: Promise<LogServer> = createLogServer({ files: ['app.log'], port: 0 });
      const memory = new MemoryHandler();
      getRtLogger('typed').addHandler(memory);
      const first: LogRecord | undefined = memory.records[0];
      const step: number = new StampManager().createStamp('x').step;
      const text: string = pyRepr([1, 'a']);
      const page: Promise<LogPage> = readLogs('app.log');
      configure({ version: 1 });
      void resetLogging();
      export { first, step, text, page, viewer };
    `);
    writeFileSync(join(consumer, 'misuse.ts'), `
      import { MemoryHandler } from 'railtracks-observability/testing';
      const n: number = new MemoryHandler().lines;
      export { n };
    `);
    const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', '.'], { cwd: consumer, encoding: 'utf8' });
    const errors = tsc.stdout.trim().split('\n');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^misuse\.ts\(3,13\): error TS2322: Type 'string\[\]' is not assignable to type 'number'/);
  });

  test('importing the root loads no networking module, superjson or async-mutex', () => {
    // A resolve hook sees every module the package asks for, builtins included. It runs on the
    // hooks thread, whose process.stdout is relayed asynchronously and could lose lines at exit
    // (seen on Node 24), so it writes to the descriptor directly.
    writeFileSync(join(consumer, 'hooks.mjs'), `
      import { writeSync } from 'node:fs';
      export async function resolve(specifier, context, next) {
        writeSync(1, 'resolved ' + specifier + '\\n');
        return next(specifier, context);
      }`);
    writeFileSync(join(consumer, 'register.mjs'), "import { register } from 'node:module'; register('./hooks.mjs', import.meta.url);");
    const result = run('root-only.mjs', `
      import { getRtLogger, setConfig, ExecutorConfig } from 'railtracks-observability';
      setConfig(new ExecutorConfig({ loggingSetting: 'REGULAR' }));
      getRtLogger('cold').info('console only');
    `, ['--import', './register.mjs']);
    expect(result.stderr).toMatch(/RT\.cold *: INFO {5}- console only\n$/);
    const resolved = result.stdout.split('\n').filter((l) => l.startsWith('resolved ')).map((l) => l.slice(9));
    expect(resolved).toContain('./core/logger.js'); // the hook does see the package's own imports
    for (const heavy of ['node:net', 'net', 'node:dgram', 'node:http', 'node:https', 'superjson', 'async-mutex', '@opentelemetry/api', '@opentelemetry/api-logs']) {
      expect([heavy, resolved.includes(heavy)]).toEqual([heavy, false]);
    }
  });
});
