// /api/v1/calculators over HTTP against a started app: the list names every calculator with its inputs,
// a run answers with the shared result shape, and bad input is a 400 naming the field (never a 5xx).
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { calculators } from '@anquan/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { openLowdbRepository } from '../src/store/lowdb-repository.js';
import { openApiProblem } from './openapi-validator.js';

let directory: string;
let server: Server;
let base: string;

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'anquan-calculators-'));
  const repository = await openLowdbRepository(directory);
  const app = createApp({ repository, config: { secureCookies: false, mistakesToClear: 3, asOf: '2026-09-01' } });
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/calculators`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(directory, { recursive: true, force: true });
});

const post = (name: string, body: unknown) => fetch(`${base}/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('/api/v1/calculators', () => {
  it('lists every calculator with its inputs', async () => {
    const response = await fetch(base);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { calculators: { name: string; title: { zh: string }; inputs: { path: string; required: boolean }[] }[] };
    expect(body.calculators.map((entry) => entry.name).sort()).toEqual(Object.keys(calculators).sort());
    const gb = body.calculators.find((entry) => entry.name === 'major-hazard-installation');
    expect(gb?.inputs.find((field) => field.path === 'units[].kind')?.required).toBe(true);
    expect(gb?.inputs.some((field) => field.path === 'units[].substances[].chemical')).toBe(true);
  });

  it('runs a calculator: LPG is read from table 1', async () => {
    const response = await post('major-hazard-installation', { asOf: '2026-09-01', input: { units: [{ kind: 'storage', substances: [{ chemical: '液化石油气', quantityTonnes: 50 }] }] } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { status: string; result: { units: { S: string; isMajorHazard: boolean }[] }; reasons: unknown[]; citations: unknown[] };
    expect(body.result.units[0]).toMatchObject({ S: '1', isMajorHazard: true });
    expect(body.citations.length).toBeGreaterThan(0);
  });

  it('an unknown chemical is a 400 naming the field', async () => {
    const response = await post('major-hazard-installation', { input: { units: [{ kind: 'storage', substances: [{ chemical: '无此物', quantityTonnes: 1 }] }] } });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { issues: { path: string }[] };
    expect(body.issues.map((issue) => issue.path)).toEqual(['input.units[0].substances[0].chemical']);
  });

  it('a wrong type is a 400 whose message is Chinese first, naming the field and what was expected', async () => {
    const response = await post('accident-level', { input: { deaths: 'three', accidentType: 'flood' } });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; issues: { path: string; message: string }[] };
    expect(body.issues).toEqual([
      { path: 'input.deaths', message: '应为数字，收到 "three" / expected a number, got "three"' },
      { path: 'input.accidentType', message: '应为以下之一："roadTraffic"、"fire"、"other"，收到 "flood" / expected one of "roadTraffic", "fire", "other", got "flood"' },
    ]);
    expect(body.error).toMatch(/^输入有误：input\.deaths 应为数字/);
    expect(body.error).not.toContain('Invalid input');
  });

  it('a body without input, an unknown calculator and a bad date are 4xx', async () => {
    expect((await post('accident-level', { deaths: 1 })).status).toBe(400);
    expect((await post('no-such-calculator', { input: {} })).status).toBe(404);
    expect((await post('__proto__', { input: {} })).status).toBe(404);
    expect((await post('accident-level', { input: { deaths: 1 }, asOf: 'tomorrow' })).status).toBe(400);
  });

  it('answers every operation with the shape the OpenAPI document declares, reasons as code, parameters and sentences', async () => {
    const list = await fetch(base);
    expect(openApiProblem('GET', '/calculators', list.status, list.headers.get('content-type'), await list.text())).toBeUndefined();
    const one = await fetch(`${base}/training-reentry`);
    expect(openApiProblem('GET', '/calculators/training-reentry', one.status, one.headers.get('content-type'), await one.text())).toBeUndefined();
    const run = await post('training-reentry', { asOf: '2026-09-01', input: { leftPostDate: '2025-03-01', returnDate: '2026-03-01' } });
    const text = await run.text();
    expect(openApiProblem('POST', '/calculators/training-reentry', run.status, run.headers.get('content-type'), text)).toBeUndefined();
    const body = JSON.parse(text) as { reasons: { code: string; params: Record<string, unknown>; zh: string }[] };
    expect(body.reasons[0]).toMatchObject({ code: 'training.reentryRequired', params: { returnDate: '2026-03-01', outcome: true } });
    expect(body.reasons[0]!.zh).toContain('班组级');
    // A reason of the wrong shape is refused by the document (the check can fail).
    const broken = JSON.stringify({ ...JSON.parse(text), reasons: [{ zh: '只有文字', en: 'text only' }] });
    expect(openApiProblem('POST', '/calculators/training-reentry', 200, 'application/json', broken)).toMatch(/code|params/);
  });
});
