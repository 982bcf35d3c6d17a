/**
 * First load of the production web app, measured in Debian's Chromium against a running
 * server (`npm run demo`, or any URL): a cold load to the sign-in form, signing in to the
 * shell, and a reload while signed in, each the median of five fresh browser contexts; plus
 * the gzipped size of the JavaScript the first screen loads and of the whole build.
 *   node bench/web-load.ts [http://127.0.0.1:8080]
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const url = process.argv[2] ?? 'http://127.0.0.1:8080';
const RUNS = 5;
const dist = new URL('../web/dist/', import.meta.url).pathname;

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
});
const timings = { signInForm: [] as number[], signedIn: [] as number[], reload: [] as number[] };
for (let i = 0; i < RUNS; i++) {
  const page = await (await browser.newContext({ baseURL: url })).newPage();
  let start = performance.now();
  await page.goto('/');
  await page.getByRole('button', { name: 'Sign in' }).waitFor();
  timings.signInForm.push(performance.now() - start);
  await page.getByRole('textbox', { name: 'Username' }).fill('analyst.vfc');
  await page.getByRole('textbox', { name: 'Password' }).fill('watchfloor-demo');
  start = performance.now();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page
    .getByText('This screen is being built')
    .or(page.getByRole('heading', { level: 2 }))
    .first()
    .waitFor();
  timings.signedIn.push(performance.now() - start);
  start = performance.now();
  await page.reload();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  timings.reload.push(performance.now() - start);
  await page.context().close();
}
await browser.close();

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
const index = readFileSync(join(dist, 'index.html'), 'utf8');
const assets = readdirSync(join(dist, 'assets'));
const gz = (file: string) => gzipSync(readFileSync(join(dist, 'assets', file))).length;
const entry = assets.filter((f) => index.includes(f));
const sum = (files: string[]) => files.reduce((n, f) => n + gz(f), 0);
const js = (files: string[]) => files.filter((f) => f.endsWith('.js'));
console.log(`cold load to the sign-in form: ${median(timings.signInForm).toFixed(0)} ms`);
console.log(`sign-in to the first screen:   ${median(timings.signedIn).toFixed(0)} ms`);
console.log(`reload, signed in, to shell:   ${median(timings.reload).toFixed(0)} ms`);
console.log(
  `first screen JS (gzip): ${kib(sum(js(entry)))}; CSS ${kib(sum(entry.filter((f) => f.endsWith('.css'))))}`,
);
console.log(`whole build JS (gzip):  ${kib(sum(js(assets)))} in ${js(assets).length} files`);
