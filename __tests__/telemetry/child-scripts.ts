/** Writes a child script that imports the built package (root and /telemetry) by file URL. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const dist = new URL('../../dist/', import.meta.url);

export function childScript(dir: string, name: string, body: string): string {
  const file = join(dir, name);
  writeFileSync(file, [
    `import * as rt from ${JSON.stringify(new URL('index.js', dist).href)};`,
    `import * as telemetry from ${JSON.stringify(new URL('telemetry/index.js', dist).href)};`,
    `import * as profiling from ${JSON.stringify(new URL('profiling/index.js', dist).href)};`,
    body,
  ].join('\n'));
  return file;
}

export const here = pathToFileURL(process.cwd()).href;
