// Coverage against the canonical item lists in shared/sources/index: every digest item of every document
// version is encoded once, with the digest's verified flag; the table of counts is printed.
import { describe, expect, it } from 'vitest';
import { loadRulesData } from '../packages/rules/src/documents/load.js';
import { indexFiles, readIndex } from './support/repository.js';

const { documents } = loadRulesData();
const rows: string[] = [];

describe('coverage against the digests', () => {
  it('finds the digest index beside the repository', () => {
    expect(indexFiles().length, 'shared/sources/index must be beside the repository').toBeGreaterThan(0);
  });

  for (const name of indexFiles()) {
    const index = readIndex(name);
    it(`${name}: every item encoded once, verified flags as in the digest`, () => {
      const document = documents.find((candidate) => candidate.source.index === name);
      expect(document, `a rules-data document whose source.index is ${name}`).toBeDefined();
      // Where the digest could not verify the number, the document says so instead of inventing one.
      if (index.document.number === null) expect(document!.number).toMatch(/未核实/);
      else expect(document!.number).toBe(index.document.number);
      expect(document!.effectiveFrom).toBe(index.document.effectiveFrom);
      expect(document!.effectiveTo).toBe(index.document.effectiveTo);
      expect(document!.itemsAvailable).toBe(index.document.itemsAvailable);
      const byLabel = new Map(document!.rules.map((rule) => [rule.citation.indexLabel, rule]));
      // Items whose text is not held are listed as not encoded, and only where the digest could not verify them.
      const notEncoded = new Set(document!.notEncoded.map((item) => item.citation.indexLabel));
      const missing = index.items.filter((item) => !byLabel.has(item.label) && !notEncoded.has(item.label)).map((item) => item.label);
      expect(index.items.filter((item) => notEncoded.has(item.label) && item.verified).map((item) => item.label), 'verified items must be encoded').toEqual([]);
      // A rule may also encode one of the index's other rules (industry-trade Art.14 modifies every device item).
      const labels = new Set([...index.items, ...(index.otherRules ?? [])].map((item) => item.label));
      const extra = document!.rules.filter((rule) => !labels.has(rule.citation.indexLabel)).map((rule) => rule.id);
      const wrongFlag = index.items.filter((item) => byLabel.get(item.label) && byLabel.get(item.label)!.verified !== item.verified).map((item) => item.label);
      const wrongParent = index.items
        .filter((item) => item.parent !== null && byLabel.get(item.label))
        .filter((item) => byLabel.get(item.label)!.partOf !== byLabel.get(item.parent!)?.id)
        .map((item) => item.label);
      const encoded = index.items.length - missing.length - notEncoded.size;
      const unverified = document!.rules.filter((rule) => !rule.verified).map((rule) => rule.citation.indexLabel);
      rows.push(
        `${`${document!.id}@${document!.version}`.padEnd(52)} items ${String(index.items.length).padStart(4)} (first-level ${String(index.counts.firstLevel).padStart(3)})  encoded ${String(encoded).padStart(4)}${notEncoded.size ? `  not encoded ${notEncoded.size}` : ''}  unverified ${String(unverified.length).padStart(3)}${unverified.length ? `: ${unverified.join(', ')}` : ''}`,
      );
      expect(missing, 'index items with no rule').toEqual([]);
      expect(extra, 'rules citing no index item').toEqual([]);
      expect(wrongFlag, 'verified flag differs from the index').toEqual([]);
      expect(wrongParent, 'sub-items must be partOf their parent item').toEqual([]);
    });
  }

  it('prints the coverage table', () => {
    console.log(`\nCoverage by document version (digest index / encoded / unverified):\n${rows.join('\n')}\n`);
    expect(rows.length).toBe(indexFiles().length);
  });
});
