import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * In cs-scripts' phrase panel, once shown, from the keyboard only: the order number in its box
 * (Alt+O), then `:shortcut` and Enter, which copies the phrase filled from that order. Answers the
 * panel's line that shows what was copied.
 */
export async function copyPhrase(page: Page, orderNo: string, shortcut: string): Promise<Locator> {
  const panel = page.locator('wb-cs-scripts-phrases');
  const search = panel.locator('#search');
  await expect.poll(() => search.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
  await page.keyboard.press('Alt+o');
  await page.keyboard.type(orderNo);
  await page.keyboard.press('Enter');
  await page.keyboard.type(`:${shortcut}`);
  await page.keyboard.press('Enter');
  return panel.locator('.last');
}
