import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { StampManager } from '../../lib/profiling/index.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// Fixed times so the expected positions and durations are exact.
function run(): StampManager {
  return StampManager.fromJSON({
    step: 4,
    step_logs: {
      '0': ['Session start'],
      '1': ['chunk-A load', 'chunk-A embed', 'chunk-A done'],
      '2': [],
      '3': ['<script>alert(1)</script> & "quoted"'],
    },
    stamps: [
      { time: 1764000000.0, step: 0, identifier: 'Session start' },
      { time: 1764000000.1, step: 1, identifier: 'chunk-A load' },
      { time: 1764000000.35, step: 1, identifier: 'chunk-A embed' },
      { time: 1764000000.6, step: 1, identifier: 'chunk-A done' },
      { time: 1764000001.0, step: 3, identifier: '<script>alert(1)</script> & "quoted"' },
    ],
  });
}

describe('HTML timeline rendered by a real headless Chromium', () => {
  let browser: Browser;
  let page: Page;
  let dir: string;
  const requests: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    // A missing browser is a failure, not a skip: this suite is how we know the page renders.
    expect(fs.existsSync(CHROMIUM)).toBe(true);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-timeline-'));
    const file = path.join(dir, 'run.timeline.html');
    fs.writeFileSync(file, run().toHtml({ title: 'Ingest run' }));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    page = await browser.newPage({ viewport: { width: 1100, height: 700 } });
    page.on('request', (r) => { if (!r.url().startsWith('file:')) requests.push(r.url()); });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', (d) => { errors.push(`dialog: ${d.message()}`); void d.dismiss(); });
    await page.goto(pathToFileURL(file).href);
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('draws one lane per step, a reserved step included, labelled by what was stamped', async () => {
    const lanes = await page.$$eval('.lane', (els) => els.map((el) => [el.getAttribute('data-step'), el.querySelector('.lane-name')?.textContent]));
    expect(lanes).toEqual([['0', 'Session start'], ['1', 'chunk-A'], ['2', 'step 2'], ['3', '<script>alert(1)</script> & "quoted"']]);
    await expect(page.textContent('.lane[data-step="2"]')).resolves.toContain('reserved, no stamps');
  });

  it('draws slices with their identifiers and durations until the next stamp of the step', async () => {
    const slices = await page.$$eval('.slice', (els) => els.map((el) => [el.getAttribute('data-identifier'), el.getAttribute('data-duration-ms'), el.textContent]));
    expect(slices).toEqual([
      ['chunk-A load', '250.000', 'chunk-A load 250.0 ms'],
      ['chunk-A embed', '250.000', 'chunk-A embed 250.0 ms'],
    ]);
    const marks = await page.$$eval('.mark', (els) => els.map((el) => el.textContent));
    expect(marks).toEqual(['Session start', 'chunk-A done', '<script>alert(1)</script> & "quoted"']);
  });

  it('lays slices out in proportion to time: the first slice starts at 10% and spans 25% of the track', async () => {
    const box = await page.$eval('.lane[data-step="1"] .track', (track) => {
      const t = track.getBoundingClientRect();
      const s = track.querySelector('.slice')!.getBoundingClientRect();
      return { left: (s.left - t.left) / t.width, width: s.width / t.width, height: s.height };
    });
    expect(box.left).toBeCloseTo(0.1, 2);
    expect(box.width).toBeCloseTo(0.25, 2);
    expect(box.height).toBeGreaterThan(10);
  });

  it('keeps a point label near the right edge inside the track by drawing it leftwards', async () => {
    const inside = await page.$eval('.lane[data-step="3"] .track', (track) => {
      const t = track.getBoundingClientRect();
      const label = track.querySelector('.mark-label')!.getBoundingClientRect();
      return label.left >= t.left && label.right <= t.right + 1;
    });
    expect(inside).toBe(true);
  });

  it('summarises the run and lists every stamp in the table', async () => {
    await expect(page.textContent('h1')).resolves.toBe('Ingest run');
    await expect(page.textContent('.summary')).resolves.toMatch(/^5 stamps in 4 steps over 1000\.0 ms, started 2025-11-24T/);
    const rows = await page.$$eval('table.stamps tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(rows).toHaveLength(5);
    expect(rows[1]).toEqual(['1', 'chunk-A', 'chunk-A load', '100.0 ms', '250.0 ms']);
  });

  it('escapes identifiers, runs only its own zoom script, and makes no network request', async () => {
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await expect(page.$$eval('script', (s) => s.map((el) => el.textContent?.startsWith('(function () {\n  var box')))).resolves.toEqual([true]);
    await expect(page.$$eval('.mark', (els) => els.map((el) => el.children.length))).resolves.toEqual([1, 1, 1]);
  });

  it('renders something a person can read: a screenshot with real pixels', async () => {
    const shot = path.join(os.tmpdir(), 'rt-profiling-timeline.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect(fs.statSync(shot).size).toBeGreaterThan(5_000);
  });
});

describe('a long run with failures, zoomed and panned in a real Chromium', () => {
  let browser: Browser;
  let page: Page;
  let dir: string;
  const errors: string[] = [];
  const STEPS = 3000;

  beforeAll(async () => {
    // 3,000 instrumented calls of three functions, every 7th one failing.
    const stamps: Array<{ time: number; step: number; identifier: string }> = [];
    const logs: Record<string, string[]> = {};
    for (let step = 0; step < STEPS; step++) {
      const name = ['embed', 'store', 'rank'][step % 3]!;
      const end = step % 7 === 3 ? `${name} FAILED: quota exceeded` : `${name} DONE`;
      stamps.push({ time: 1764000000 + step * 0.01, step, identifier: `${name} CREATED` }, { time: 1764000000 + step * 0.01 + 0.008, step, identifier: end });
      logs[String(step)] = [`${name} CREATED`, end];
    }
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-timeline-long-'));
    const file = path.join(dir, 'long.html');
    fs.writeFileSync(file, StampManager.fromJSON({ step: STEPS, step_logs: logs, stamps }).toHtml({ title: 'Long run' }));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    page = await browser.newPage({ viewport: { width: 1100, height: 700 } });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(file).href);
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('numbers repeated calls and draws failed ones apart, saying why on hover', async () => {
    const first = await page.$$eval('.lane', (els) => els.slice(0, 4).map((el) => [el.querySelector('.lane-name')?.textContent, el.className]));
    expect(first).toEqual([['embed #1', 'lane done'], ['store #1', 'lane done'], ['rank #1', 'lane done'], ['embed #2', 'lane failed']]);
    const failed = await page.$eval('.lane[data-step="3"] .slice', (el) => ({ cls: el.className, title: el.getAttribute('title'), bg: getComputedStyle(el).backgroundImage }));
    expect(failed.cls).toBe('slice failed');
    expect(failed.title).toMatch(/embed #2 FAILED: quota exceeded$/);
    expect(failed.bg).toContain('repeating-linear-gradient');
    const done = await page.$eval('.lane[data-step="0"] .slice', (el) => getComputedStyle(el).backgroundImage);
    expect(done).toBe('none');
    await page.screenshot({ path: path.join(dir, 'long.png') });
  });

  it('zooms with the buttons and keeps the stamps table folded for a long run', async () => {
    await expect(page.$eval('details', (d) => d.open)).resolves.toBe(false);
    const widthAt = () => page.$eval('.lane[data-step="1500"] .track', (t) => t.getBoundingClientRect().width);
    const before = await widthAt();
    await page.click('button[data-zoom-by="2"]');
    await page.click('button[data-zoom-by="2"]');
    expect(await page.$eval('.timeline', (t) => t.getAttribute('data-zoom'))).toBe('4');
    expect(await widthAt()).toBeGreaterThan(before * 3);
    // Panning: the label column stays in view while the track scrolls under it.
    await page.$eval('.timeline', (t) => { t.scrollLeft = 2000; });
    const label = await page.$eval('.lane[data-step="0"] .lane-label', (l) => l.getBoundingClientRect().left - l.closest('.timeline')!.getBoundingClientRect().left);
    expect(label).toBeLessThan(5);
    await page.click('button[data-zoom-by="0"]');
    expect(await page.$eval('.timeline', (t) => t.getAttribute('data-zoom'))).toBe('1');
    expect(errors).toEqual([]);
  });
});
