// Each role lands on its own work after signing in (regulator → region table, acceptor → items awaiting
// acceptance, enterprise → its ledger, trainee and admin → exams), with a navigation that
// fits the role; the acceptor's page and its API list exactly the items waiting for acceptance.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleHome, roleNav } from '../src/ledger/role-home.js';
import type { Role } from '../src/store/repository.js';
import { CookieBrowser } from './http-client.js';
import { accountPassword, startApp, type StartedApp } from './started-app.js';

const password = accountPassword;
const clock = Date.parse('2026-09-01T02:00:00.000Z');
let app: StartedApp;

beforeAll(async () => {
  app = await startApp('anquan-landing-', () => new Date(clock));
});
afterAll(() => app.close());

const account: StartedApp['account'] = (...args) => app.account(...args);
const api: StartedApp['api'] = (...args) => app.api(...args);
const navOf = (html: string) => [...(/<nav>([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? '').matchAll(/<a href="([^"]+)">/g)].map((match) => match[1]);

describe('landing after login', () => {
  it('sends each role to its own page and shows a navigation that fits it', async () => {
    const enterprise = await account('land-co', 'enterprise', { region: '东区' });
    await account('land-acc', 'acceptor', { enterpriseId: enterprise.id });
    await account('land-reg', 'regulator', { region: '东区' });
    await account('land-trainee', 'trainee');
    await account('land-admin', 'admin');
    const expected: Record<string, { role: Role; home: string }> = {
      'land-co': { role: 'enterprise', home: '/ledger' },
      'land-acc': { role: 'acceptor', home: '/ledger/acceptance' },
      'land-reg': { role: 'regulator', home: '/regulator' },
      'land-trainee': { role: 'trainee', home: '/exams' },
      'land-admin': { role: 'admin', home: '/exams' },
    };
    for (const [username, { role, home }] of Object.entries(expected)) {
      expect(roleHome(role)).toBe(home);
      const browser = new CookieBrowser(() => app.base);
      await browser.get('/login');
      const loggedIn = await browser.post('/login', { username, password, next: '/' });
      expect(loggedIn.response.status, username).toBe(303);
      expect(loggedIn.response.headers.get('location'), username).toBe(home);
      const landed = await browser.get(home);
      expect(landed.response.status, username).toBe(200);
      const links = navOf(landed.html);
      expect(links.slice(0, roleNav(role).length), username).toEqual(roleNav(role).map((link) => link.href));
      expect(links[0], username).toBe(home);
      // A role's navigation never offers another role's work.
      if (role === 'regulator' || role === 'acceptor') expect(links).not.toContain('/exams');
      if (role !== 'regulator') expect(links).not.toContain('/regulator');
      if (role !== 'enterprise') expect(links).not.toContain('/assessments');
      // Every link the navigation offers opens for that role.
      for (const link of roleNav(role)) expect((await browser.get(link.href)).response.status, `${username} ${link.href}`).toBe(200);
    }
    // A next= target still wins over the role's landing page.
    const browser = new CookieBrowser(() => app.base);
    await browser.get('/login');
    expect((await browser.post('/login', { username: 'land-reg', password, next: '/account' })).response.headers.get('location')).toBe('/account');
  });

  it('lists for the acceptor exactly the items waiting for acceptance, on the page and in the API', async () => {
    const enterprise = await account('accept-co', 'enterprise');
    const acceptor = await account('accept-acc', 'acceptor', { enterpriseId: enterprise.id });
    const hazardFacts = { mineType: 'openPit', approvedCapacityTonnesPerYear: 1000000, annualRawCoalOutputTonnes: 1200000 };
    expect((await api('POST', '/self-assessments', enterprise.token, { sector: 'coal-mine', asOf: '2026-09-01', facts: hazardFacts })).status).toBe(201);
    const items = (await api('GET', '/ledger', enterprise.token)).body.items as { id: string; ledger: { grade: string } }[];
    expect(items.length).toBeGreaterThan(0);
    expect((await api('GET', '/ledger/acceptance', acceptor.token)).body.items).toEqual([]);
    const item = items[0]!;
    const plan = { goal: '目标', measures: '措施', fundsYuan: 100, materials: '物资', organisation: '机构', persons: '人员', deadline: '2026-09-10', requirements: '要求', safetyMeasures: '安全措施', emergencyPlan: '预案' };
    expect((await api('POST', `/ledger/items/${item.id}/actions`, enterprise.token, { action: 'plan', plan })).status).toBe(200);
    expect((await api('POST', `/ledger/items/${item.id}/actions`, enterprise.token, { action: 'start' })).status).toBe(200);
    expect((await api('POST', `/ledger/items/${item.id}/actions`, enterprise.token, { action: 'rectified' })).status).toBe(200);
    const listed = (await api('GET', '/ledger/acceptance', acceptor.token)).body.items as { id: string; status: string }[];
    expect(listed.map((entry) => [entry.id, entry.status])).toEqual([[item.id, 'awaiting']]);
    const page = await fetch(`${app.base}/ledger/acceptance`, { headers: { authorization: `Bearer ${acceptor.token}` } });
    const html = await page.text();
    expect([...html.matchAll(/data-item="([^"]+)"/g)].map((match) => match[1])).toEqual([item.id]);
    expect(html).toContain('accept-co 用户');
    // Outsiders: a trainee may not see the list.
    const trainee = await account('accept-trainee', 'trainee');
    expect((await api('GET', '/ledger/acceptance', trainee.token)).status).toBe(403);
  });
});
