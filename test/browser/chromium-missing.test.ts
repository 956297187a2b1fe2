import { describe, expect, it, vi } from 'vitest';

describe('browser tests without Chromium', () => {
  it('fail with the way to install it instead of being skipped', async () => {
    vi.stubEnv('WORKBENCH_CHROMIUM', '/nonexistent/chromium');
    vi.resetModules();
    const { launchChromium } = await import('../helpers/browser.js');
    await expect(launchChromium()).rejects.toThrow(/apt-get install chromium/);
    vi.unstubAllEnvs();
  });
});
