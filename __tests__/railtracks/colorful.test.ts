import { describe, expect, test } from '@jest/globals';
import { Chalk } from 'chalk';
import { CRITICAL, ColorfulFormatter, DEBUG, ERROR, INFO, LogRecord, WARNING, shortLoggerName } from '../../lib/index.js';
import { loadTimeMs } from '../../lib/core/clock.js';

const at = (ms: number, name: string, level: number, msg: string, args: unknown[] | null = null) =>
  new LogRecord(name, level, msg, args, undefined, undefined, loadTimeMs + ms);

const ESC = '\u001b[';

describe('ColorfulFormatter without colour', () => {
  const plain = new ColorfulFormatter({ colour: false });

  test('prints the Python console line byte for byte', () => {
    expect(plain.format(at(3525, 'RT', INFO, 'START CREATED Github Agent'))).toBe(
      '[+3.525  s] RT          : INFO     - START CREATED Github Agent',
    );
    expect(plain.format(at(14333, 'RT.worker-42', DEBUG, 'x=%d', [1]))).toBe('[+14.333 s] RT.worker-42: DEBUG    - x=1');
    expect(plain.format(at(123456789, 'RT', CRITICAL, 'late'))).toBe('[+123456.789s] RT          : CRITICAL - late');
    expect(plain.format(at(1235, 'RT.railtracks._session', WARNING, 'w'))).toBe(
      '[+1.235  s] RT.railtracks._session: WARNING  - w',
    );
  });

  test('short names show the root and the capitalised last segment', () => {
    const short = new ColorfulFormatter({ colour: false, nameStyle: 'short' });
    expect(short.format(at(1000, 'RT.railtracks._session', INFO, 'm'))).toBe('[+1.000  s] RT.Session  : INFO     - m');
    expect(shortLoggerName('RT.a.state')).toBe('RT.State');
    expect(shortLoggerName('RT')).toBe('RT');
    expect(shortLoggerName('RT.__9x')).toBe('RT.X');
  });

  test('short names follow upstream: str.capitalize, an ASCII-only strip, an empty segment kept, other trees untouched', () => {
    const cases: Array<[string, string]> = [
      ['RT.httpClient', 'RT.Httpclient'], ['RT.workerABC', 'RT.Workerabc'], ['RT.élan', 'RT.Lan'], ['RT.Ωmega', 'RT.Mega'],
      ['RT.ΩΩ', 'RT.ΩΩ'], ['RT.123', 'RT.123'], ['RT.', 'RT.'], ['RT.a.', 'RT.'], ['RT.xΣ', 'RT.Xς'],
      ['app.db.pool', 'app.db.pool'], ['RTX.foo', 'RTX.foo'], ['rt.foo', 'rt.foo'],
    ];
    expect(cases.map(([name]) => shortLoggerName(name))).toEqual(cases.map(([, short]) => short));
  });

  test('never changes the record other handlers see', () => {
    const record = at(1000, 'RT.railtracks._session', INFO, 'Node CREATED');
    new ColorfulFormatter({ colour: 3, nameStyle: 'short' }).format(record);
    expect(record.name).toBe('RT.railtracks._session');
    expect(record.levelname).toBe('INFO');
    expect(record.message).toBeUndefined();
    expect(record.getMessage()).toBe('Node CREATED');
  });

  test('control characters from message data are shown escaped, never sent raw', () => {
    const line = plain.format(at(1000, 'RT', INFO, 'evil %s', ['\u001b[2J\u0007bell\u009b']));
    expect(line).toBe('[+1.000  s] RT          : INFO     - evil \\x1b[2J\\x07bell\\x9b');
    expect(plain.format(at(1000, 'RT', INFO, 'tab\tand\nnewline stay'))).toBe('[+1.000  s] RT          : INFO     - tab\tand\n    newline stay');
  });

  test('exceptions follow the line as a traceback block', () => {
    const record = new LogRecord('RT', ERROR, 'Embedder FAILED', null, new Error('boom'), undefined, loadTimeMs + 2000);
    const lines = plain.format(record).split('\n');
    expect(lines[0]).toBe('[+2.000  s] RT          : ERROR    - Embedder FAILED');
    expect(lines[1]).toBe('    Error: boom');
    expect(lines.slice(1).every((l) => l.startsWith('    '))).toBe(true);
  });

  test('log-symbols glyphs can prefix each line', () => {
    const withGlyphs = new ColorfulFormatter({ colour: false, symbols: true });
    const line = withGlyphs.format(at(1000, 'RT', ERROR, 'x'));
    expect(line).toMatch(/^\S+ \[\+1\.000  s\] RT/);
    expect(line).not.toContain(ESC);
  });
});

describe('ColorfulFormatter with colour', () => {
  const colour = new ColorfulFormatter({ colour: 1 });

  test('colours the timestamp grey and the rest in the level colour', () => {
    const expected: Array<[number, string]> = [[DEBUG, '36'], [INFO, '37'], [WARNING, '33'], [ERROR, '91'], [CRITICAL, '31']];
    for (const [level, code] of expected) {
      const line = colour.format(at(1000, 'RT', level, 'msg'));
      expect(line.startsWith(`${ESC}90m[+1.000  s]${ESC}39m${ESC}${code}m RT`)).toBe(true);
      expect(line.endsWith(`msg${ESC}39m`)).toBe(true);
    }
  });

  test('keywords take their own colour and the level colour resumes after each', () => {
    const line = colour.format(at(1000, 'RT', INFO, 'A created B, then done; c FAILED, WARNING'));
    expect(line).toContain(`${ESC}32mcreated${ESC}39m${ESC}37m`);
    expect(line).toContain(`${ESC}34mdone${ESC}39m${ESC}37m`);
    expect(line).toContain(`${ESC}31mFAILED${ESC}39m${ESC}37m`);
    expect(line).toContain(`${ESC}33mWARNING${ESC}39m${ESC}37m`);
  });

  test('every colour level writes each keyword, in any casing, exactly as chalk does', () => {
    for (const level of [1, 2, 3] as const) {
      const chalk = new Chalk({ level });
      const line = new ColorfulFormatter({ colour: level }).format(at(1000, 'RT', DEBUG, 'Created cReAtEd done Failed warning'));
      const words = chalk.green('Created') + ' ' + chalk.green('cReAtEd') + ' ' + chalk.blue('done') + ' ' + chalk.red('Failed') + ' ' + chalk.yellow('warning');
      expect(line).toBe(chalk.gray('[+1.000  s]') + chalk.cyan(' RT          : DEBUG    - ' + words));
    }
  });

  test('a traceback and line breaks are coloured exactly as chalk colours them', () => {
    const chalk = new Chalk({ level: 1 });
    const error = new Error('boom DONE');
    error.stack = 'Error: boom DONE\r\n    at worker (w.js:1:1)\n    at main (m.js:2:2)';
    const record = new LogRecord('RT', ERROR, 'Embedder FAILED', null, error, undefined, loadTimeMs + 2000);
    const line = colour.format(record);
    const plainLine = new ColorfulFormatter({ colour: false }).format(record);
    const [stamp] = plainLine.split(' RT');
    const body = plainLine.slice(stamp!.length).replace('FAILED', chalk.red('FAILED'));
    expect(line).toBe(chalk.gray(stamp!) + chalk.redBright(body));
    expect(line.split('\n').length).toBe(4);
  });

  test('level glyphs fall back to plain characters on a console without Unicode', () => {
    const saved = process.env.TERM;
    process.env.TERM = 'linux';
    try {
      const line = new ColorfulFormatter({ colour: false, symbols: true }).format(at(1000, 'RT', ERROR, 'x'));
      expect(line.startsWith('× [+1.000  s] RT')).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.TERM; else process.env.TERM = saved;
    }
  });

  test('keywords only match as whole words', () => {
    const line = colour.format(at(1000, 'RT', INFO, 'UNDONE RECREATED'));
    expect(line).not.toContain(`${ESC}34m`);
    expect(line).not.toContain(`${ESC}32m`);
  });

  test('word boundaries are Python\'s on text: letters of any script join a word, a combining mark does not', () => {
    for (const text of ['éFAILED', 'DONEé', '日本CREATED', '٣DONE', 'ⅫDONE', 'DONE_x']) {
      expect(colour.format(at(1000, 'RT', INFO, text))).toBe(colour.format(at(1000, 'RT', INFO, 'plain')).replace('plain', text));
    }
    expect(colour.format(at(1000, 'RT', INFO, 'DONE\u0301'))).toContain(`${ESC}34mDONE${ESC}39m`);
    expect(colour.format(at(1000, 'RT', INFO, 'faıled'))).toContain(`${ESC}31mfaıled${ESC}39m`);
  });

  test('a level with no colour of its own (a custom 25) is painted white, like INFO', () => {
    const line = colour.format(at(1000, 'RT', 25, 'custom DONE'));
    expect(line).toBe(`${ESC}90m[+1.000  s]${ESC}39m${ESC}37m RT          : Level 25 - custom ${ESC}34mDONE${ESC}39m${ESC}37m${ESC}39m`);
  });

  test('removing the colour codes gives the plain line', () => {
    const record = at(4000, 'RT.x', WARNING, 'Agent DONE');
    const stripped = colour.format(record).replace(/\u001b\[\d+m/g, '');
    expect(stripped).toBe(new ColorfulFormatter({ colour: false }).format(record));
  });
});
