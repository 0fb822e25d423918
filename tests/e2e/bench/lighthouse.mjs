// Lighthouse's mobile setting (simulated slow 4G, 4x CPU) on a cold first
// visit to the first screen: its performance score and metrics, medians of
// a few runs, each in a new browser profile. Run by `cargo xtask bench`,
// which installs Lighthouse (LIGHTHOUSE: its CLI) and starts the relay
// (TALLY_URL).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { printTable, median } from './table.mjs';

const url = process.env.TALLY_URL;
const lighthouse = process.env.LIGHTHOUSE;
const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
if (!url || !lighthouse) throw new Error('run this with `cargo xtask bench`');

const RUNS = 3;

function run() {
  const dir = mkdtempSync(path.join(process.env.TMPDIR || os.tmpdir(), 'lighthouse-'));
  const report = path.join(dir, 'report.json');
  try {
    execFileSync(process.execPath, [
      lighthouse,
      `${url}/`,
      `--chrome-path=${chromium}`,
      `--chrome-flags=--headless=new --no-sandbox --user-data-dir=${path.join(dir, 'profile')}`,
      '--only-categories=performance',
      '--output=json',
      `--output-path=${report}`,
      '--quiet',
    ], { stdio: ['ignore', 'ignore', 'inherit'] });
    const result = JSON.parse(readFileSync(report, 'utf8'));
    const audit = (id) => result.audits[id].numericValue;
    return {
      score: Math.round(result.categories.performance.score * 100),
      fcp: audit('first-contentful-paint'),
      lcp: audit('largest-contentful-paint'),
      tbt: audit('total-blocking-time'),
      cls: audit('cumulative-layout-shift'),
      si: audit('speed-index'),
      tti: audit('interactive'),
      bytes: audit('total-byte-weight'),
      longest: Math.max(0, ...(result.audits['long-tasks'].details?.items ?? []).map((task) => task.duration)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const runs = [];
for (let i = 0; i < RUNS; i++) {
  console.error(`[lighthouse] run ${i + 1} of ${RUNS}`);
  runs.push(run());
}
const of = (key) => median(runs.map((r) => r[key]));
const ms = (value) => `${Math.round(value).toLocaleString('en-GB')} ms`;
const seconds = (value) => `${(value / 1000).toFixed(1)} s`;
const goal = (met, text) => `${text}: ${met ? 'met' : 'MISSED'}`;
printTable(
  `Lighthouse 12, mobile (simulated slow 4G, 4x CPU), a cold first visit to ${url}/ (medians of ${RUNS}; each run: ${runs.map((r) => r.score).join(', ')})`,
  ['measure', 'median', 'goal'],
  [
    ['performance score', of('score'), goal(of('score') >= 95, '>= 95')],
    ['first contentful paint', seconds(of('fcp')), '-'],
    ['largest contentful paint', seconds(of('lcp')), goal(of('lcp') < 2500, '< 2.5 s')],
    ['total blocking time', ms(of('tbt')), goal(of('tbt') < 200, '< 200 ms')],
    ['longest main-thread task (as Lighthouse reports it)', ms(of('longest')), '-'],
    ['cumulative layout shift', of('cls').toFixed(3), '-'],
    ['speed index', seconds(of('si')), '-'],
    ['time to interactive', seconds(of('tti')), '-'],
    ['transferred', `${(of('bytes') / 1024).toLocaleString('en-GB', { maximumFractionDigits: 1 })} KiB`, goal(of('bytes') <= 500 * 1024, '<= 500 KiB')],
  ],
);
