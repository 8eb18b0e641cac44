// A phone as the browser tests hold one: 390×844, touch, Chinese, Beijing time; and the page problems a test
// refuses (script errors, and any failed request but the browser's own favicon probe).
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';

export const phoneContext = (browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> =>
  browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...options });

/** Collects the page's problems from now on; the test expects the list empty at its end. */
export const watchProblems = (page: Page): string[] => {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) problems.push(`${response.status()} ${response.url()}`);
  });
  return problems;
};
