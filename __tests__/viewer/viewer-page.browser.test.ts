import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { StampManager } from '../../lib/profiling/index.js';
import { createLogServer, type LogServer } from '../../lib/viewer/index.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** Screenshots land here, outside the repository, for a person to look at. */
const SHOTS = path.join(os.tmpdir(), 'rt-viewer-browser');

const HOSTILE = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> \x1b[31mred\x1b[0m \u202eevil\u202c end';
const line = (minute: number, level: string, logger: string, message: string) =>
  `2026-11-21 14:${String(minute).padStart(2, '0')}:00,000 - ${minute}.000 - ${level} - ${logger} - ${message}`;

function logText(): string {
  const lines: string[] = [];
  const levels = ['DEBUG', 'INFO', 'WARNING', 'ERROR'];
  for (let i = 0; i < 24; i++) lines.push(line(i, levels[i % 4]!, i % 2 === 0 ? 'RT.worker' : 'RT.worker.db', `record ${i}${i % 6 === 0 ? ' needle' : ''}`));
  lines.push(line(30, 'ERROR', 'RT.api', 'request failed'), 'Traceback (most recent call last):', '  File "agent.py", line 3, in run', 'ValueError: socket closed');
  lines.push(line(31, 'WARNING', 'RT.hostile', HOSTILE));
  return `${lines.join('\n')}\n`;
}

describe('the log viewer page in a real headless Chromium', () => {
  let browser: Browser;
  let page: Page;
  let viewer: LogServer;
  let dir: string;
  const foreign: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    expect(fs.existsSync(CHROMIUM)).toBe(true);
    fs.mkdirSync(SHOTS, { recursive: true });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-viewer-page-'));
    fs.writeFileSync(path.join(dir, 'run.log'), logText());
    const sm = StampManager.fromJSON({
      step: 3,
      step_logs: { 0: ['Session start'], 1: ['embed CREATED', 'embed DONE'], 2: ['embed CREATED', 'embed FAILED: quota'] },
      stamps: [
        { time: 1764000000, step: 0, identifier: 'Session start' },
        { time: 1764000000.1, step: 1, identifier: 'embed CREATED' }, { time: 1764000000.4, step: 1, identifier: 'embed DONE' },
        { time: 1764000000.5, step: 2, identifier: 'embed CREATED' }, { time: 1764000000.9, step: 2, identifier: 'embed FAILED: quota' },
      ],
    });
    fs.writeFileSync(path.join(dir, 'run.stamps.json'), JSON.stringify(sm));
    fs.writeFileSync(path.join(dir, 'run.jsonl'), `${JSON.stringify({
      timestamp: '2026-11-21T14:00:00.000Z', level: 'ERROR', logger: 'RT.worker', message: 'embed FAILED', sessionId: 'sess-42',
      exception: { type: 'Error', message: 'quota', stack: 'Error: quota\n    at embed (agent.js:3:9)', cause: { type: 'TypeError', message: 'bad key' } },
    })}\n${JSON.stringify({ timestamp: '2026-11-21T14:00:01.000Z', level: 'INFO', logger: 'RT.other', message: 'another session', sessionId: 'sess-7' })}\n`);
    viewer = await createLogServer({ dir, pollIntervalMs: 50 });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const origin = new URL(viewer.url).origin;
    page.on('request', (r) => { if (!r.url().startsWith(origin)) foreign.push(r.url()); });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', (d) => { errors.push(`dialog: ${d.message()}`); void d.dismiss(); });
    await page.goto(`${viewer.url}#file=run.log`);
    await page.waitForSelector('tr.rec');
  });

  afterAll(async () => {
    await browser?.close();
    await viewer?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const messages = () => page.$$eval('tr.rec td.msg', (tds) => tds.map((td) => td.firstChild?.textContent ?? ''));

  it('shows the records newest first with level symbols, and the logger tree with counts', async () => {
    expect((await messages()).slice(0, 3)).toEqual([expect.stringContaining('<script>'), 'request failed', 'record 23']);
    await expect(page.$$eval('tr.rec', (r) => r.length)).resolves.toBe(26);
    const sym = await page.$eval('tr.rec[data-level="error"] td.sym', (td) => td.textContent);
    expect(sym).toBe('✖');
    const facet = await page.$eval('button[data-logger="RT.worker"]', (b) => b.textContent);
    expect(facet).toBe('worker 24');
    await expect(page.$$eval('#histogram .bin', (b) => b.length)).resolves.toBe(48);
  });

  it('shows hostile content as characters: no script runs, no element is made, controls are visible', async () => {
    const cell = await page.$eval('tr.rec td.msg', (td) => ({ text: td.textContent, imgs: td.querySelectorAll('img').length, marks: [...td.querySelectorAll('.ctl')].map((m) => m.textContent) }));
    expect(cell.text).toContain('<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">');
    expect(cell.imgs).toBe(0);
    expect(cell.marks).toEqual(['\\x1b', '\\x1b', '\\u202e', '\\u202c']);
    expect(cell.text).not.toContain('\u202e');
    await expect(page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).resolves.toBeUndefined();
  });

  it('expands a record to its traceback', async () => {
    await page.click('tr.rec[data-offset] >> text=request failed');
    const traceback = await page.textContent('tr.detail pre.traceback');
    expect(traceback).toBe('Traceback (most recent call last):\n  File "agent.py", line 3, in run\nValueError: socket closed');
  });

  it('filters by level toggles, search and a clicked logger, and keeps them in a permalink', async () => {
    await page.click('button.lvl[data-level="DEBUG"]');
    await page.click('button.lvl[data-level="INFO"]');
    await page.waitForFunction(() => document.querySelectorAll('tr.rec').length === 14);
    const levels = await page.$$eval('tr.rec', (rows) => [...new Set(rows.map((r) => r.getAttribute('data-level')))].sort());
    expect(levels).toEqual(['error', 'warning']);
    await page.click('button.lvl[data-level="DEBUG"]');
    await page.click('button.lvl[data-level="INFO"]');
    await page.fill('#q', 'needle');
    await page.press('#q', 'Enter');
    await page.waitForFunction(() => document.querySelectorAll('tr.rec').length === 4);
    expect(await messages()).toEqual(['record 18 needle', 'record 12 needle', 'record 6 needle', 'record 0 needle']);
    await page.fill('#q', '');
    await page.press('#q', 'Enter');
    await page.waitForFunction(() => document.querySelectorAll('tr.rec').length === 26);
    await page.click('tr.rec >> button.logger:text-is("RT.worker.db")');
    await page.waitForFunction(() => document.querySelectorAll('tr.rec').length === 12);
    expect(page.url()).toContain('logger=RT.worker.db');
    const again = await browser.newPage();
    await again.goto(page.url());
    await again.waitForFunction(() => document.querySelectorAll('tr.rec').length === 12);
    await expect(again.$eval('#chips', (c) => c.textContent)).resolves.toContain('logger: RT.worker.db');
    await again.close();
    await page.click('#chips button');
    await page.waitForFunction(() => document.querySelectorAll('tr.rec').length === 26);
  });

  it('narrows the time range to a histogram bar that is clicked', async () => {
    await page.click('#histogram .bin >> nth=0');
    // The first bar spans 14:00:00 to 14:00:38: one record.
    await page.waitForFunction(() => document.querySelectorAll('tr.rec').length === 1);
    expect(page.url()).toMatch(/since=2026-11-21T14%3A00%3A00&until=2026-11-21T14%3A00%3A38/);
    await expect(page.$$eval('tr.rec td.time', (tds) => tds.map((td) => td.textContent))).resolves.toEqual(['2026-11-21 14:00:00.000']);
    await page.click('#chips button');
    await page.waitForFunction(() => document.querySelectorAll('tr.rec').length === 26);
  });

  it('jumps to the next error from the keyboard', async () => {
    await page.click('h1');
    await page.keyboard.press('e');
    const first = await page.evaluate(() => [document.activeElement?.getAttribute('data-level'), document.activeElement?.querySelector('td.msg')?.firstChild?.textContent]);
    expect(first).toEqual(['error', 'request failed']);
    await page.keyboard.press('e');
    await expect(page.evaluate(() => document.activeElement?.querySelector('td.msg')?.firstChild?.textContent)).resolves.toBe('record 23');
    await page.keyboard.press('Enter');
    await expect(page.$$eval('tr.detail', (d) => d.length)).resolves.toBe(1);
    await page.keyboard.press('k');
    await expect(page.evaluate(() => document.activeElement?.querySelector('td.msg')?.firstChild?.textContent)).resolves.toBe('request failed');
  });

  it('receives live-tailed records that another process appends', async () => {
    await page.click('#live');
    await page.waitForFunction(() => document.querySelector('#live')?.getAttribute('data-connected') === 'true');
    // Reading further down: the rows in view must stay put while new ones arrive above.
    await page.evaluate(() => window.scrollTo(0, 300));
    const rowTop = () => page.$eval('tr.rec[data-offset="0"]', (r) => r.getBoundingClientRect().top);
    const topBefore = await rowTop();
    const scrollBefore = await page.evaluate(() => window.scrollY);
    expect(scrollBefore).toBeGreaterThan(0);
    const script = `require('node:fs').appendFileSync(process.argv[1], process.argv[2]);`;
    const appended = `${line(40, 'ERROR', 'RT.child', 'appended by another process')}\nTraceback (most recent call last):\n  boom\n${line(41, 'INFO', 'RT.child', 'and one more')}\n`;
    await new Promise<void>((resolve, reject) => spawn(process.execPath, ['-e', script, path.join(dir, 'run.log'), appended]).on('exit', (c) => (c === 0 ? resolve() : reject(new Error(`exit ${c}`)))));
    await page.waitForFunction(() => document.querySelectorAll('tr.rec.fresh').length === 2);
    // Two rows (about 48 px) came in above; the row read stays within sub-pixel rounding.
    expect(Math.abs((await rowTop()) - topBefore)).toBeLessThanOrEqual(1);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(scrollBefore);
    await page.evaluate(() => window.scrollTo(0, 0));
    expect((await messages()).slice(0, 2)).toEqual(['and one more', 'appended by another process']);
    await expect(page.$eval('tr.rec.fresh:nth-child(2) .more', (m) => m.textContent)).resolves.toBe('+2 lines');
    await page.screenshot({ path: path.join(SHOTS, 'viewer-light.png') });
  });

  it('shows the stamp timeline of a run, with the failed call drawn apart', async () => {
    await page.selectOption('#stamps', 'run.stamps.json');
    await page.click('#show-timeline');
    const frame = page.frameLocator('#timeline');
    await frame.locator('.lane').first().waitFor();
    await expect(frame.locator('.lane').count()).resolves.toBe(3);
    const lanes = await frame.locator('.lane-name').allTextContents();
    expect(lanes).toEqual(['Session start', 'embed #1', 'embed #2']);
    await expect(frame.locator('.lane[data-step="2"]').getAttribute('class')).resolves.toBe('lane failed');
    // Show timeline brings the panel into view; Chromium paints a framed page only once it is
    // on screen, so two of its animation frames mean it has been drawn.
    const framed = page.frames().find((f) => f.url().includes('/api/timeline'))!;
    await framed.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await page.locator('#timeline-panel').screenshot({ path: path.join(SHOTS, 'viewer-timeline.png') });
  });

  it('shows a JSON record\'s exception as a traceback, and filters by its session id', async () => {
    await page.click('#live');
    await page.selectOption('#file', 'run.jsonl');
    await page.waitForFunction(() => document.querySelectorAll('tr.rec').length === 2);
    await page.click('tr.rec[data-level="error"] td.msg');
    await expect(page.textContent('tr.detail pre.traceback')).resolves.toBe('Error: quota\n    at embed (agent.js:3:9)\nCaused by: TypeError: bad key');
    await page.click('tr.detail button.id-filter');
    await page.waitForFunction(() => document.querySelectorAll('tr.rec').length === 1);
    expect(page.url()).toContain('field.sessionId=sess-42');
  });

  it('reads on a dark theme too, and asked nothing of any other origin', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe('rgb(22, 24, 29)');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(SHOTS, 'viewer-dark.png') });
    expect(fs.statSync(path.join(SHOTS, 'viewer-dark.png')).size).toBeGreaterThan(20_000);
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('the page behind a token', () => {
  it('carries the token from its address to every API call, the live stream and the timeline', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-viewer-token-'));
    fs.writeFileSync(path.join(dir, 'a.log'), `${line(1, 'INFO', 'RT', 'behind a token')}\n`);
    fs.writeFileSync(path.join(dir, 'b.stamps.json'), JSON.stringify(StampManager.fromJSON({ step: 1, step_logs: { 0: ['only'] }, stamps: [{ time: 1764000000, step: 0, identifier: 'only' }] })));
    const viewer = await createLogServer({ dir, token: 'sesame-123', pollIntervalMs: 50 });
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    try {
      const page = await browser.newPage();
      const refused = await page.goto(viewer.url.replace(/\?token=.*$/, ''));
      expect(refused?.status()).toBe(401);
      await page.goto(`${viewer.url}#live=1`);
      await page.waitForSelector('tr.rec');
      await expect(page.$$eval('tr.rec td.msg', (tds) => tds.map((td) => td.textContent))).resolves.toEqual(['behind a token']);
      await page.waitForFunction(() => document.querySelector('#live')?.getAttribute('data-connected') === 'true');
      fs.appendFileSync(path.join(dir, 'a.log'), `${line(2, 'INFO', 'RT', 'streamed behind a token')}\n`);
      await page.waitForSelector('tr.rec.fresh');
      await page.click('#show-timeline');
      await expect(page.frameLocator('#timeline').locator('.lane-name').first().textContent()).resolves.toBe('only');
    } finally {
      await browser.close();
      await viewer.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
