/**
 * enableOpenTelemetry in an application that installed the API but not the SDK: one error
 * naming every missing package and the install command. A copy of the built package sits in a
 * consumer whose node_modules holds only @opentelemetry/api and api-logs.
 */
import { afterAll, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { removeTempDirs, tempDir } from '../support/temp-dir.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
afterAll(removeTempDirs);

test('names each missing SDK package and how to install it', async () => {
  const app = tempDir('otel-missing');
  const pkg = join(app, 'node_modules', 'railtracks-observability');
  mkdirSync(join(app, 'node_modules', '@opentelemetry'), { recursive: true });
  cpSync(join(root, 'dist'), join(pkg, 'dist'), { recursive: true });
  cpSync(join(root, 'package.json'), join(pkg, 'package.json'));
  for (const dep of ['chalk', 'log-symbols', 'superjson', 'async-mutex']) symlinkSync(join(root, 'node_modules', dep), join(app, 'node_modules', dep));
  for (const api of ['api', 'api-logs']) symlinkSync(join(root, 'node_modules/@opentelemetry', api), join(app, 'node_modules/@opentelemetry', api));
  writeFileSync(join(app, 'main.mjs'), `
    import { enableOpenTelemetry } from 'railtracks-observability/otel';
    try { await enableOpenTelemetry({ serviceName: 'x' }); } catch (err) { console.log(err.message); }
  `);
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, ['main.mjs'], { cwd: app });
    let text = '';
    child.stdout.on('data', (c: Buffer) => { text += c.toString(); });
    child.stderr.on('data', (c: Buffer) => { text += c.toString(); });
    child.on('error', reject);
    child.on('close', () => resolve(text));
  });
  expect(out.trim()).toBe('enableOpenTelemetry needs the OpenTelemetry SDK; missing: @opentelemetry/sdk-logs, '
    + '@opentelemetry/exporter-logs-otlp-http, @opentelemetry/sdk-trace-base, @opentelemetry/exporter-trace-otlp-http, '
    + '@opentelemetry/resources, @opentelemetry/context-async-hooks. Install them with: npm install @opentelemetry/sdk-logs@0.223 '
    + '@opentelemetry/exporter-logs-otlp-http@0.223 @opentelemetry/sdk-trace-base@2.12 @opentelemetry/exporter-trace-otlp-http@0.223 '
    + '@opentelemetry/resources@2.12 @opentelemetry/context-async-hooks@2.12');
});
