import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ROOT } from './server.js';

/** Where browser tests leave their screenshots; `WORKBENCH_SCREENSHOTS` moves them elsewhere. */
export const SCREENSHOTS = process.env.WORKBENCH_SCREENSHOTS ?? join(ROOT, 'test-results', 'screenshots');

export const CHROMIUM = process.env.WORKBENCH_CHROMIUM ?? '/usr/bin/chromium';

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The Chromium of this test worker: test files that share a worker share it, one start each. */
let shared: Promise<Browser> | undefined;

/**
 * Debian's Chromium, for one test file. A machine without it fails the run with the way to get it:
 * browser tests are part of `npm test` and are never skipped. Files that run in the same worker
 * share one Chromium; what a file gets behaves as its own: `close()` closes the contexts it opened
 * and leaves the browser to the next file.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM}; the browser tests need it. Install it with "sudo apt-get install chromium" (Debian/Ubuntu), ` +
        'or point WORKBENCH_CHROMIUM at a Chromium binary.',
    );
  }
  shared ??= chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true }).then((browser) => {
    browser.on('disconnected', () => (shared = undefined));
    return browser;
  });
  const browser = await shared;
  const opened = new Set<BrowserContext>();
  return new Proxy(browser, {
    get(target, key) {
      if (key === 'newContext') {
        return async (...args: Parameters<Browser['newContext']>) => {
          const context = await target.newContext(...args);
          opened.add(context);
          context.on('close', () => opened.delete(context));
          return context;
        };
      }
      if (key === 'close') return async () => void (await Promise.all([...opened].map((c) => c.close())));
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

export interface WatchedPage {
  page: Page;
  /** Requests to any host but the workbench's own. */
  foreign: string[];
  /** Console errors and uncaught page errors (CSP violations show up here). */
  errors: string[];
  /** Dialogs the page tried to open (alert/confirm) — an injected script would open one. */
  dialogs: string[];
}

export interface PageOptions {
  colorScheme?: 'light' | 'dark';
  locale?: string;
  /** The PC's own time zone, e.g. one other than the shop's. */
  timezoneId?: string;
  /**
   * HTTP statuses the test provokes on purpose (a 409 it expects the UI to show): Chromium logs
   * each as "Failed to load resource", which then does not count as an error.
   */
  expectedStatuses?: number[];
}

/** A fresh page (own cookies and storage) that records what a test must not see happen. */
export async function openPage(browser: Browser, baseUrl: string, options: PageOptions = {}): Promise<WatchedPage> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: options.locale ?? 'zh-CN',
    colorScheme: options.colorScheme ?? 'light',
    ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
  });
  const page = await context.newPage();
  const origin = new URL(baseUrl).origin;
  const watched: WatchedPage = { page, foreign: [], errors: [], dialogs: [] };
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:') && !url.startsWith('about:')) watched.foreign.push(url);
  });
  const expected = options.expectedStatuses?.length ? new RegExp(`Failed to load resource: the server responded with a status of (${options.expectedStatuses.join('|')})`) : undefined;
  page.on('console', (m) => {
    if (m.type() === 'error' && !expected?.test(m.text())) watched.errors.push(m.text());
  });
  page.on('pageerror', (e) => watched.errors.push(e.message));
  page.on('dialog', (d) => {
    watched.dialogs.push(d.message());
    void d.dismiss();
  });
  return watched;
}

/** Logs in on the login page (opening `url` first, when given) and waits for the workbench. */
export async function logIn(page: Page, username: string, password: string, url?: string): Promise<void> {
  if (url) await page.goto(url);
  await page.locator('wb-login-page input[name=username]').fill(username);
  await page.locator('wb-login-page input[name=password]').fill(password);
  await page.locator('wb-login-page button[type=submit]').click();
  await page.locator('wb-workbench').waitFor();
}

/** Runs a command of the palette (Ctrl+Shift+P) by typing its title and pressing Enter. */
export async function command(page: Page, text: string): Promise<void> {
  await page.keyboard.press('Control+Shift+P');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

export interface SignedInPage {
  browser: Browser;
  watched: WatchedPage;
  page: Page;
  /** Console errors at the end of logging in: the login page's own 401 for "who am I". */
  errorsAtLogIn: number;
}

/** Chromium with one watched page, logged in at `baseUrl` as the given person. */
export async function signedInPage(baseUrl: string, user: { username: string; password: string }, timeoutMs: number, options: PageOptions = {}): Promise<SignedInPage> {
  const browser = await launchChromium();
  const watched = await openPage(browser, baseUrl, options);
  const page = watched.page;
  page.setDefaultTimeout(timeoutMs);
  await logIn(page, user.username, user.password, baseUrl);
  return { browser, watched, page, errorsAtLogIn: watched.errors.length };
}

/** Shows a view of the activity bar; clicking the one already shown would hide the side bar. */
export async function showView(page: Page, title: string): Promise<void> {
  const tab = page.locator(`wb-activity-bar [role=tab][aria-label="${title}"]`);
  if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
}

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Contrast failures axe-core finds on what the page shows now, as `selector: why` lines. */
export async function contrastFailures(p: Page): Promise<string[]> {
  // Evaluated rather than added as a script tag: the workbench's CSP refuses inline scripts.
  if (!(await p.evaluate(() => 'axe' in window))) await p.evaluate(await readFile(AXE, 'utf8'));
  return p.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { nodes: { target: unknown[]; failureSummary?: string }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'rule', values: ['color-contrast'] } });
    return result.violations.flatMap((v) => v.nodes.map((n) => `${JSON.stringify(n.target)}: ${n.failureSummary ?? ''}`));
  });
}
