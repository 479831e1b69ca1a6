/**
 * The code samples of the markdown docs, with the marks that tell the docs-sample test how to run
 * them. The conventions:
 *
 * - Every fenced `js`/`ts` block is a sample; it runs as a module in a fresh temp folder where
 *   `railtracks-observability` resolves to this repository.
 * - An HTML comment right above the fence gives instructions, one or more of:
 *   `<!-- sample: skip REASON -->` (not run; the reason is required),
 *   `<!-- sample: files cwd/path=repo/path ... -->` (copied into the sample's folder first),
 *   `<!-- sample: env NAME=value ... -->`.
 * - A fenced block tagged `text output` right after a sample is what the sample prints (stdout
 *   and stderr together, in order). In it, a line `...` stands for any number of lines, `…` for
 *   any text within a line; timestamps and relative seconds are compared by shape.
 */
import { readFileSync } from 'node:fs';

export interface DocSample {
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  lang: 'js' | 'ts';
  code: string;
  skip?: string;
  files: Array<{ to: string; from: string }>;
  env: Record<string, string>;
  output?: string;
}

interface Fence {
  line: number;
  info: string;
  body: string;
  /** The sample instructions in the HTML comments right above the fence. */
  marks: string[];
}

function fences(text: string): Fence[] {
  const lines = text.split('\n');
  const found: Fence[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(`{3,})(.*)$/.exec(lines[i]!);
    if (open === null) continue;
    const marks: string[] = [];
    for (let j = i - 1; j >= 0; j--) {
      const mark = /^<!--\s*sample:\s*(.*?)\s*-->$/.exec(lines[j]!.trim());
      if (mark === null) break;
      marks.unshift(mark[1]!);
    }
    const end = lines.findIndex((l, k) => k > i && l.startsWith(open[1]!) && l.trim() === open[1]);
    if (end < 0) throw new Error(`unclosed fence at line ${i + 1}`);
    found.push({ line: i + 1, info: open[2]!.trim(), body: lines.slice(i + 1, end).join('\n'), marks });
    // Only blank lines between this fence's end and the next one make them adjacent.
    (found[found.length - 1] as Fence & { end: number }).end = end;
    i = end;
  }
  return found;
}

/** Every js/ts sample of a markdown file, with its marks and its expected output. */
export function docSamples(file: string, display = file): DocSample[] {
  const text = readFileSync(file, 'utf8');
  const all = fences(text) as Array<Fence & { end: number }>;
  const lines = text.split('\n');
  const samples: DocSample[] = [];
  all.forEach((fence, index) => {
    const lang = /^(js|javascript|mjs)$/.test(fence.info) ? 'js' : /^(ts|typescript)$/.test(fence.info) ? 'ts' : null;
    if (lang === null) return;
    const sample: DocSample = { file: display, line: fence.line, lang, code: fence.body, files: [], env: {} };
    for (const mark of fence.marks) {
      const [verb, ...rest] = mark.split(/\s+/);
      if (verb === 'skip') sample.skip = rest.join(' ');
      else if (verb === 'files') for (const pair of rest) {
        const [to, from] = pair.split('=');
        sample.files.push({ to: to!, from: from ?? to! });
      }
      else if (verb === 'env') for (const pair of rest) {
        const at = pair.indexOf('=');
        sample.env[pair.slice(0, at)] = pair.slice(at + 1);
      }
      else throw new Error(`${display}:${fence.line}: unknown sample mark '${mark}'`);
    }
    const next = all[index + 1];
    if (next !== undefined && next.info === 'text output' && lines.slice(fence.end + 1, next.line - 1).every((l) => l.trim() === '')) {
      sample.output = next.body;
    }
    samples.push(sample);
  });
  return samples;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Volatile fields replaced by their shape, applied to both sides before comparing. */
export function normaliseOutput(text: string): string {
  return text
    .replace(/\x1b\[[0-9;]*m/g, '')
    .replace(/\[\+ *\d+\.\d{3} *s\]/g, '[+T]')
    .replace(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}( - \d+\.\d{3})?/g, 'ASCTIME')
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}(Z|[+-]\d\d:\d\d)/g, 'ISOTIME')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'UUID')
    .replace(/\s+$/, '');
}

/**
 * Whether `actual` matches the documented `expected` output (`...` lines and `…` within a line
 * are wildcards).
 */
export function outputMatches(expected: string, actual: string): boolean {
  const pattern = normaliseOutput(expected)
    .split('\n')
    .map((line) => (line.trim() === '...' ? '(?:[^\\n]*\\n)*?' : escapeRegExp(line).replaceAll('…', '[^\\n]*?') + '\\n'))
    .join('');
  return new RegExp(`^${pattern}$`).test(normaliseOutput(actual) + '\n');
}
