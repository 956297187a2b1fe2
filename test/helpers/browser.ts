import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.WORKBENCH_CHROMIUM ?? '/usr/bin/chromium';

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Launches Debian's Chromium. A machine without it fails the run with the way to get it: browser
 * tests are part of `npm test` and are never skipped.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM}; the browser tests need it. Install it with "sudo apt-get install chromium" (Debian/Ubuntu), ` +
        'or point WORKBENCH_CHROMIUM at a Chromium binary.',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
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

/** A fresh page (own cookies and storage) that records what a test must not see happen. */
export async function openPage(browser: Browser, baseUrl: string, options: { colorScheme?: 'light' | 'dark'; locale?: string } = {}): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: options.locale ?? 'zh-CN', colorScheme: options.colorScheme ?? 'light' });
  const page = await context.newPage();
  const origin = new URL(baseUrl).origin;
  const watched: WatchedPage = { page, foreign: [], errors: [], dialogs: [] };
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:') && !url.startsWith('about:')) watched.foreign.push(url);
  });
  page.on('console', (m) => m.type() === 'error' && watched.errors.push(m.text()));
  page.on('pageerror', (e) => watched.errors.push(e.message));
  page.on('dialog', (d) => {
    watched.dialogs.push(d.message());
    void d.dismiss();
  });
  return watched;
}
