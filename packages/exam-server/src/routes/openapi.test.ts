import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from './openapi.js';

const packageDirectory = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('the OpenAPI document', () => {
  const document = openApiDocument();
  const operations = Object.entries(document.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ path, method, operation: operation as Record<string, unknown> })));

  it('gives every operation an id, its path parameters, a 4xx answer and a success schema', () => {
    const ids = operations.map(({ operation }) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { path, method, operation } of operations) {
      const label = `${method} ${path}`;
      expect(operation.operationId, label).toBeTypeOf('string');
      const declared = ((operation.parameters ?? []) as { name: string; in: string }[]).filter((parameter) => parameter.in === 'path').map((parameter) => parameter.name);
      expect(declared, label).toEqual([...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]));
      const responses = operation.responses as Record<string, { content?: unknown }>;
      expect(Object.keys(responses).some((code) => code.startsWith('4')), label).toBe(true);
      const success = Object.entries(responses).find(([code]) => code.startsWith('2'));
      expect(success, label).toBeDefined();
      if (success![0] !== '204') expect(success![1].content, label).toBeDefined();
    }
  });

  it('passes redocly lint with no errors', () => {
    const directory = mkdtempSync(join(tmpdir(), 'anquan-openapi-'));
    try {
      const file = join(directory, 'openapi.json');
      writeFileSync(file, JSON.stringify(document));
      // Throws (and fails the test with Redocly's report) on any error.
      const output = execFileSync(join(packageDirectory, 'node_modules', '.bin', 'redocly'), ['lint', file, '--format', 'stylish'], {
        encoding: 'utf8',
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      expect(output).not.toMatch(/\berror\b/i);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
