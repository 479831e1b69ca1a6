import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { StampManager } from '../../lib/profiling/stamp-manager.js';

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

  it('draws one lane per step, a reserved step included, labelled by step', async () => {
    const lanes = await page.$$eval('.lane', (els) => els.map((el) => [el.getAttribute('data-step'), el.querySelector('.lane-label')?.textContent]));
    expect(lanes).toEqual([['0', 'step 0'], ['1', 'step 1'], ['2', 'step 2'], ['3', 'step 3']]);
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
    expect(rows[1]).toEqual(['1', 'chunk-A load', '100.0 ms', '250.0 ms']);
  });

  it('escapes identifiers, runs no script, and makes no network request', async () => {
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await expect(page.$$eval('script', (s) => s.length)).resolves.toBe(0);
  });

  it('renders something a person can read: a screenshot with real pixels', async () => {
    const shot = path.join(os.tmpdir(), 'rt-profiling-timeline.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect(fs.statSync(shot).size).toBeGreaterThan(5_000);
  });
});
