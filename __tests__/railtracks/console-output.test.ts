import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../../dist/index.js', import.meta.url));

/** Run a script that configures logging and logs three lines, with the given environment. */
function runConsole(env: Record<string, string | undefined>): string {
  const script = `
    import { setConfig, ExecutorConfig, getRtLogger } from ${JSON.stringify(dist)};
    setConfig(new ExecutorConfig({ loggingSetting: 'VERBOSE' }));
    getRtLogger().info('Coordinator CREATED Chunker');
    getRtLogger('worker').debug('state=%s', { q: 1 });
    getRtLogger().error('Chunker FAILED');
  `;
  const childEnv: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...process.env, ...env })) if (v !== undefined) childEnv[k] = v;
  delete childEnv.FORCE_COLOR;
  delete childEnv.NO_COLOR;
  for (const [k, v] of Object.entries(env)) if (v !== undefined) childEnv[k] = v;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { env: childEnv, encoding: 'utf8' });
  expect(result.status).toBe(0);
  return result.stderr;
}

const lineShape = /^\[\+\d+\.\d{3} *s\] (RT|RT\.worker) *: (INFO|DEBUG|ERROR) *- /;

describe('console output in a real process', () => {
  test('a non-TTY stderr gets plain lines in the Python layout', () => {
    const lines = runConsole({}).trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).toMatch(lineShape);
    expect(lines[0]).toMatch(/ RT          : INFO     - Coordinator CREATED Chunker$/);
    expect(lines[1]).toMatch(/ RT\.worker   : DEBUG    - state=\{'q': 1\}$/);
    expect(runConsole({})).not.toContain('\u001b[');
  });

  test('FORCE_COLOR=1 colours the lines', () => {
    const out = runConsole({ FORCE_COLOR: '1' });
    expect(out).toContain('\u001b[90m[+');
    expect(out).toContain('\u001b[32mCREATED\u001b[39m');
    expect(out).toContain('\u001b[91m RT          : ERROR');
  });

  test('NO_COLOR=1 keeps the lines plain', () => {
    expect(runConsole({ NO_COLOR: '1' })).not.toContain('\u001b[');
  });
});
