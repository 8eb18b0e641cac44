import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadRulesData } from '../documents/load.js';
import { InputError } from '../validation/issues.js';
import { calculators } from './index.js';

// Read the workspace's rules-data, not a copy left beside dist by an earlier build.
process.env.ANQUAN_RULES_DATA ??= fileURLToPath(new URL('../../../../rules-data', import.meta.url));

describe('calculator registry', () => {
  const documents = loadRulesData().documents;

  it('every calculator names a rules-data document of kind calculator in sector general', () => {
    for (const [name, calculator] of Object.entries(calculators)) {
      const versions = documents.filter((doc) => doc.id === calculator.documentId);
      expect(versions.length, name).toBeGreaterThan(0);
      for (const doc of versions) expect([doc.kind, doc.sector], name).toEqual(['calculator', 'general']);
    }
  });

  it('versions of one document never overlap', () => {
    const general = documents.filter((doc) => doc.sector === 'general');
    for (const doc of general) {
      for (const other of general) {
        if (doc === other || doc.id !== other.id) continue;
        const overlap = doc.effectiveFrom <= (other.effectiveTo ?? '9999-12-31') && other.effectiveFrom <= (doc.effectiveTo ?? '9999-12-31');
        expect(overlap, `${doc.id} ${doc.version} / ${other.version}`).toBe(false);
      }
    }
  });

  it('every calculator answers with the shared shape, and bad input throws InputError', () => {
    for (const [name, calculator] of Object.entries(calculators)) {
      expect(() => calculator.run({ notAField: 1 }, { asOf: '2026-11-01' }), name).toThrow(InputError);
      expect(() => calculator.run({}, { asOf: 'yesterday' }), name).toThrow(InputError);
    }
    const result = calculators['accident-level']?.run({ deaths: 3 }, { asOf: '2026-11-01' });
    expect(Object.keys(result ?? {}).sort()).toEqual(['asOf', 'calculator', 'citations', 'missing', 'reasons', 'result', 'status']);
  });
});

describe('dates before the texts we hold', () => {
  it('every calculator says the text of that time is not available, in Chinese without the document id', () => {
    let checked = 0;
    for (const [name, calculator] of Object.entries(calculators)) {
      let result;
      try {
        result = calculator.run({}, { asOf: '1990-01-01' });
      } catch (error) {
        // Calculators whose required inputs are absent refuse {} first; give them their first listed shape.
        if (!(error instanceof InputError)) throw error;
        continue;
      }
      expect(result.status, name).toBe('unknown');
      const zh = result.reasons.map((reason) => reason.zh).join('\n');
      expect(zh, name).toContain('文本未收录');
      expect(zh, name).not.toContain(calculator.documentId);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(5);
  });
});
