/**
 * The floor plan of lib/ (docs/components/architecture.md), kept by reading every file's imports:
 * each layer folder imports only from the layers below it, and no file imports itself back
 * through a chain of others.
 */
import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const lib = fileURLToPath(new URL('../lib/', import.meta.url));

/** What each layer may import, besides itself. `python` ← `core` ← `handlers`/`formatters` ← … */
const ALLOWED: Record<string, readonly string[]> = {
  python: [],
  core: ['python'],
  handlers: ['python', 'core'],
  formatters: ['python', 'core'],
  // Profiling stands beside logging: stamps and timelines, no logger, no handler.
  profiling: ['python'],
  // Instruments and their Prometheus text: plain data, no logging needed.
  metrics: ['python', 'core'],
  interop: ['python', 'core', 'handlers', 'formatters'],
  // OpenTelemetry: trace context, OTelHandler, enableOpenTelemetry; installs a record enricher into core.
  // It registers OTelHandler for dictConfig (interop), exports stamps as spans (profiling) and
  // runs instrumented calls in spans (railtracks).
  otel: ['python', 'core', 'handlers', 'formatters', 'interop', 'profiling', 'railtracks', 'metrics'],
  railtracks: ['python', 'core', 'handlers', 'formatters', 'profiling', 'metrics'],
  // Runtime telemetry (resource monitor, flight recorder, dump signal, run report) on the RT tree.
  telemetry: ['python', 'core', 'handlers', 'formatters', 'profiling', 'metrics', 'railtracks'],
  reader: ['python', 'core', 'handlers', 'formatters', 'railtracks'],
  // The viewer serves what the reader reads, and draws stamps with profiling's timeline.
  viewer: ['python', 'core', 'handlers', 'formatters', 'profiling', 'railtracks', 'reader'],
  cli: ['python', 'core', 'handlers', 'formatters', 'railtracks', 'reader', 'viewer', 'telemetry', 'metrics'],
  testing: ['python', 'core', 'handlers', 'formatters', 'profiling', 'interop', 'railtracks', 'metrics', 'telemetry'],
  // The root entry: what an everyday program touches; the rest is behind subpaths.
  '(root entry)': ['python', 'core', 'handlers', 'formatters', 'railtracks', 'metrics'],
};
/** Modules that must never be loaded by importing the root entry. */
const NOT_FROM_ROOT = ['node:net', 'node:dgram', 'node:http', 'node:https', 'node:tls', 'superjson', 'async-mutex', '@opentelemetry'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []);
}

interface Import { spec: string; typeOnly: boolean }

/** Every module a file names: static imports and re-exports, side-effect imports, dynamic import(). */
function importsOf(text: string): Import[] {
  const found: Import[] = [];
  for (const m of text.matchAll(/^\s*(import|export)(\s+type\b)?[^'";]*?\bfrom\s*['"]([^'"]+)['"]/gm)) {
    found.push({ spec: m[3]!, typeOnly: m[2] !== undefined });
  }
  for (const m of text.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm)) found.push({ spec: m[1]!, typeOnly: false });
  for (const m of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push({ spec: m[1]!, typeOnly: false });
  return found;
}

function layerOf(file: string): string {
  const rel = relative(lib, file);
  return rel.includes(sep) ? rel.split(sep)[0]! : '(root entry)';
}

/** `edges`: every import between our files; `runtime`: those that load code (not `import type`). */
interface Graph { edges: Map<string, string[]>; runtime: Map<string, string[]>; external: Map<string, string[]> }

function buildGraph(files: string[]): Graph {
  const edges = new Map<string, string[]>();
  const runtime = new Map<string, string[]>();
  const external = new Map<string, string[]>();
  const local = (file: string, found: Import[]) => found.filter((i) => i.spec.startsWith('.')).map((i) => resolve(dirname(file), i.spec).replace(/\.js$/, '.ts'));
  for (const file of files) {
    const found = importsOf(readFileSync(file, 'utf8'));
    edges.set(file, local(file, found));
    runtime.set(file, local(file, found.filter((i) => !i.typeOnly)));
    external.set(file, found.filter((i) => !i.spec.startsWith('.') && !i.typeOnly).map((i) => (i.spec.startsWith('node:') ? i.spec : i.spec.split('/')[0]!)));
  }
  return { edges, runtime, external };
}

/** Each import cycle once, as the list of files around it. */
function cycles(edges: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string): void => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of edges.get(file) ?? []) {
      if (state.get(next) === 'open') found.push(stack.slice(stack.indexOf(next)).map((f) => relative(lib, f)));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of edges.keys()) if (!state.has(file)) visit(file);
  return found;
}

function arrowsAgainstTheOrder(edges: Map<string, string[]>): string[] {
  const wrong: string[] = [];
  for (const [file, targets] of edges) {
    const from = layerOf(file);
    for (const target of targets) {
      const to = layerOf(target);
      if (to !== from && !(ALLOWED[from] ?? []).includes(to)) wrong.push(`${relative(lib, file)} -> ${relative(lib, target)}`);
    }
  }
  return wrong;
}

const files = sourceFiles(lib);
const graph = buildGraph(files);

describe('the floor plan of lib/', () => {
  test('every file sits in a layer folder; only entry points at the top', () => {
    expect(files.filter((f) => layerOf(f) === '(root entry)').map((f) => relative(lib, f))).toEqual(['index.ts']);
    expect(new Set(files.map(layerOf))).toEqual(new Set(Object.keys(ALLOWED)));
  });

  test('imports run one way: python <- core <- handlers, formatters <- interop, profiling, railtracks <- reader, cli', () => {
    expect(arrowsAgainstTheOrder(graph.edges)).toEqual([]);
  });

  test('no import cycle between files (a type-only import loads nothing and closes none)', () => {
    expect(cycles(graph.runtime)).toEqual([]);
  });

  test('importing the root entry reaches no networking module, superjson or async-mutex', () => {
    const reached = new Set<string>();
    const walk = (file: string): void => {
      if (reached.has(file)) return;
      reached.add(file);
      for (const next of graph.runtime.get(file) ?? []) walk(next);
    };
    walk(join(lib, 'index.ts'));
    const heavy = [...reached].flatMap((f) => (graph.external.get(f) ?? []).filter((m) => NOT_FROM_ROOT.includes(m)).map((m) => `${relative(lib, f)}: ${m}`));
    expect(heavy).toEqual([]);
  });

  describe('the checks themselves catch what they are for', () => {
    test('a core -> railtracks import is an arrow against the order', () => {
      const edges = new Map([[join(lib, 'core/logger.ts'), [join(lib, 'railtracks/actions.ts')]]]);
      expect(arrowsAgainstTheOrder(edges)).toEqual([`core${sep}logger.ts -> railtracks${sep}actions.ts`]);
    });

    test('profiling importing core is against the order; railtracks importing profiling is not', () => {
      const edges = new Map([
        [join(lib, 'profiling/stamp.ts'), [join(lib, 'core/record.ts')]],
        [join(lib, 'railtracks/instrument.ts'), [join(lib, 'profiling/stamp-manager.ts')]],
      ]);
      expect(arrowsAgainstTheOrder(edges)).toEqual([`profiling${sep}stamp.ts -> core${sep}record.ts`]);
    });

    test('a two-file cycle inside one layer is found', () => {
      const a = join(lib, 'core/logger.ts');
      const b = join(lib, 'core/logger-adapter.ts');
      expect(cycles(new Map([[a, [b]], [b, [a]]]))).toHaveLength(1);
    });

    test('static, type-only, re-export, side-effect and dynamic imports are all read', () => {
      const text = [
        "import { a } from './a.js';", "import type { B } from './b.js';", "export { c } from './c.js';",
        "import './d.js';", "const e = await import('./e.js');", "import {\n  f,\n  g,\n} from './fg.js';",
      ].join('\n');
      expect(importsOf(text)).toEqual([
        { spec: './a.js', typeOnly: false }, { spec: './b.js', typeOnly: true }, { spec: './c.js', typeOnly: false },
        { spec: './fg.js', typeOnly: false }, { spec: './d.js', typeOnly: false }, { spec: './e.js', typeOnly: false },
      ]);
    });
  });
});
