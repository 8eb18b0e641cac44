// How a person gets an account and signs in, the same way in every browser test: through the register and
// login pages, or (to set a test up quickly) through the JSON API.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Api } from './built-server.js';

/** Where a person lands: a path pattern, or any page but the login page. */
type Landing = RegExp | ((url: URL) => boolean);
const notTheLoginPage = (url: URL) => url.pathname !== '/login';

/** Fills the register page and sends it; resolves once the new account's landing page is shown. */
export const registerOnPage = async (
  page: Page,
  base: string,
  account: { username: string; displayName: string; password: string; role: 'trainee' | 'enterprise' },
  landing: Landing = notTheLoginPage,
): Promise<void> => {
  await page.goto(`${base}/register`);
  await page.getByLabel('用户名').fill(account.username);
  await page.getByLabel('姓名').fill(account.displayName);
  await page.getByLabel('密码').fill(account.password);
  await page.check(`input[name=role][value=${account.role}]`);
  await Promise.all([page.waitForURL(landing, { timeout: 60_000 }), page.locator('form[action="/register"] button').click()]);
  expect(new URL(page.url()).pathname).not.toBe('/register');
};

/** Signs in through the login page; resolves once the account's landing page is shown. */
export const logInOnPage = async (page: Page, base: string, username: string, password: string, landing: Landing = notTheLoginPage): Promise<void> => {
  await page.goto(`${base}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await Promise.all([page.waitForURL(landing, { timeout: 60_000 }), page.locator('form[action="/login"] button').click()]);
  expect(new URL(page.url()).pathname).not.toBe('/login');
};

/** A trainee registered through the API; returns the session token the registration gave. */
export const registerTraineeByApi = async (api: Api, username: string, password: string, displayName = username): Promise<string> => {
  const created = await api('/users', { method: 'POST', body: { username, displayName, password, role: 'trainee' } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return String(created.body.token);
};
