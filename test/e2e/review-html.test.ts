/**
 * review.html and practices.html in a real browser: Debian's Chromium driven by puppeteer-core (which never
 * downloads a browser of its own; .ci/run installs Chromium with apt-get when it is missing). The pages load
 * with no console error, no failed or outside request, the diagrams are SVG with nodes, and a screenshot is taken.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser } from 'puppeteer-core';
import { smallOrg, smallOrgPlan, smallOrgPolicy, writeTemp } from '../policies/review/small-org';
import { baseline } from './run-baseline';

/** CHROMIUM names another binary; else Debian's. */
function chromium(): string {
  if (process.env.CHROMIUM) return process.env.CHROMIUM;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  return execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
}

const out = mkdtempSync(join(tmpdir(), 'baseline-review-html-'));
const shots = mkdtempSync(join(tmpdir(), 'baseline-review-shots-'));
let browser: Browser;

beforeAll(async () => {
  const after = smallOrg();
  delete after.google_storage_bucket_iam_member;
  const old = writeTemp('old.json', smallOrgPlan());
  const now = writeTemp('new.json', smallOrgPlan(after, { 'google_logging_project_sink.shop': 'delete' }));
  const run = baseline(['review', now, '--against', old, '--out', out, '--config', smallOrgPolicy()]);
  expect(run.stderr).toBe('');
  browser = await puppeteer.launch({ executablePath: chromium(), headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

async function open(file: string) {
  const page = await browser.newPage();
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page: ${String(e)}`));
  page.on('requestfailed', (r) => problems.push(`failed: ${r.url()}`));
  page.on('request', (r) => requests.push(r.url()));
  const url = pathToFileURL(join(out, file)).href;
  const response = await page.goto(url, { waitUntil: 'load' });
  return { page, problems, requests, url, ok: response?.ok() ?? false };
}

test.each(['review.html', 'practices.html'])('%s loads with no console error and no request beyond itself', async (file) => {
  const { page, problems, requests, url, ok } = await open(file);
  expect(ok).toBe(true);
  expect(problems).toEqual([]);
  expect(requests).toEqual([url]);
  expect(await page.title()).toBe(file === 'review.html' ? 'Security review' : 'Security practices');
  await page.close();
});

test('review.html draws the log routing as SVG with its nodes and edges, and renders every section', async () => {
  const { page } = await open('review.html');
  const diagram = await page.$$eval('figure.diagram svg g.node title', (titles) => titles.map((t) => t.textContent));
  expect(diagram.length).toBeGreaterThanOrEqual(3);
  const labels = await page.$$eval('figure.diagram svg g.node text', (texts) => texts.map((t) => t.textContent));
  expect(labels).toEqual(expect.arrayContaining(['organization 111111111111', 'sink org-audit', 'logging_project_bucket_config central']));
  expect(await page.$$eval('figure.diagram svg g.edge', (edges) => edges.length)).toBeGreaterThanOrEqual(2);
  const headings = await page.$$eval('h2', (hs) => hs.map((h) => h.textContent));
  expect(headings).toEqual(['1. Verdict', '2. Access matrix', '3. Log routing', '4. Secrets', '5. Detection coverage', '6. Change summary']);
  // The delete in the plan is listed as a destructive change to a security resource.
  expect(await page.$eval('body', (b) => b.textContent)).toContain('google_logging_project_sink.shop');
  const box = await page.$eval('figure.diagram svg', (svg) => {
    const r = svg.getBoundingClientRect();
    return { width: r.width, height: r.height };
  });
  expect(box.width).toBeGreaterThan(100);
  expect(box.height).toBeGreaterThan(20);
  const shot = join(shots, 'review.png');
  await page.screenshot({ path: shot as `${string}.png`, fullPage: true });
  expect(readFileSync(shot).subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(statSync(shot).size).toBeGreaterThan(10_000);
  await page.close();
});
