// rules-data against its own format and against the digests: ids, citations, declared facts, periods,
// examples that the engine confirms, and every numeric threshold and table edge pinned by a boundary case.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRulesData, parseDocument, rulesDataDirectory, type LoadedDocument } from '../packages/rules/src/documents/load.js';
import { compare, toRational } from '../packages/rules/src/exact/rational.js';
import { vocabularyFor } from '../packages/rules/src/facts/vocabulary.js';
import { evaluateRule } from './support/evaluate.js';
import { loadCaseFiles } from './support/repository.js';
import { expressionKind, factsReadBy, observedFactsOf, referencesOf, tablesReadBy, thresholdLeaves } from './support/rules.js';

const { sectors, documents } = loadRulesData();
const caseFiles = loadCaseFiles();
const boundariesOf = (document: LoadedDocument) =>
  caseFiles
    .filter(({ cases }) => cases.document.id === document.id && cases.document.version === document.version)
    .flatMap(({ cases }) => cases.boundaries);

describe('rules-data', () => {
  it('every file parses against the document format', () => {
    for (const document of documents) {
      const raw = JSON.parse(readFileSync(join(rulesDataDirectory(), document.file), 'utf8'));
      expect(() => parseDocument(raw, document.file)).not.toThrow();
      expect(raw.$schema, `${document.file} names its JSON Schema`).toBe('../schema/rule-document.schema.json');
    }
  });

  it('document versions are unique and rule ids are unique across all documents', () => {
    const versions = documents.map((document) => `${document.id}@${document.version}`);
    expect(new Set(versions).size).toBe(versions.length);
    const ids = documents.flatMap((document) => document.rules.map((rule) => rule.id));
    const duplicates = ids.filter((id, index) => ids.indexOf(id) !== index);
    expect(duplicates).toEqual([]);
  });

  it('versions of one document do not overlap in time, and replacements point both ways', () => {
    const byId = new Map<string, LoadedDocument[]>();
    for (const document of documents) byId.set(document.id, [...(byId.get(document.id) ?? []), document]);
    for (const [id, versions] of byId) {
      const sorted = [...versions].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
      for (let index = 1; index < sorted.length; index += 1) {
        const previous = sorted[index - 1]!;
        const next = sorted[index]!;
        expect(previous.effectiveTo, `${id}@${previous.version} must end before ${next.version} starts`).not.toBeNull();
        expect(previous.effectiveTo! < next.effectiveFrom, `${id}: ${previous.version} overlaps ${next.version}`).toBe(true);
        if (next.replaces) expect(next.replaces).toEqual({ id, version: previous.version });
        if (previous.replacedBy) expect(previous.replacedBy).toEqual({ id, version: next.version });
      }
    }
  });
});

for (const document of documents) {
  const label = `${document.sector} ${document.id}@${document.version}`;
  describe(label, () => {
    const vocabulary = vocabularyFor(document.sector);

    it('belongs to a listed sector with a fact vocabulary', () => {
      expect(sectors.map((sector) => sector.id)).toContain(document.sector);
      if (document.kind !== 'calculator') expect(vocabulary, `facts vocabulary for ${document.sector}`).toBeDefined();
    });

    it('supplements name a document that exists', () => {
      if (document.supplementTo) expect(documents.some((other) => other.id === document.supplementTo)).toBe(true);
    });

    if (document.rules.length === 0) return;

    it('derived facts do not shadow observed facts, and their tables exist', () => {
      for (const [name] of Object.entries(document.derivedFacts)) expect(vocabulary!.shape[name], `${name} is both derived and observed`).toBeUndefined();
      for (const fact of Object.keys(document.derivedFacts)) {
        for (const observed of observedFactsOf(document, fact)) expect(Object.keys(vocabulary!.shape), `${fact} reads ${observed}`).toContain(observed);
      }
    });

    for (const rule of document.rules) {
      describe(rule.id, () => {
        it('cites its item, sits in a category, and refers only to rules and shared conditions of its document', () => {
          expect(rule.citation.label.length).toBeGreaterThan(0);
          expect(document.categories.map((category) => category.id)).toContain(rule.category);
          const ids = document.rules.map((other) => other.id);
          const names = [...ids, ...Object.keys(document.sharedConditions)];
          for (const reference of [...referencesOf(rule.conditions), ...referencesOf(rule.appliesWhen)]) expect(names).toContain(reference);
          if (rule.partOf) expect(ids).toContain(rule.partOf);
          if (!rule.verified) expect(rule.unverifiedNote, 'an unverified rule says what is unverified').toBeDefined();
        });

        it('declares exactly the observed facts it reads, all in the vocabulary', () => {
          const read = factsReadBy(document, rule);
          expect([...new Set(rule.facts)].sort()).toEqual([...read].sort());
          for (const fact of rule.facts) expect(Object.keys(vocabulary!.shape), `fact ${fact}`).toContain(fact);
        });

        if (rule.exam) {
          const exam = rule.exam;
          it('its exam examples are a hazard and a clear case, as the engine computes', async () => {
            const hazard = await evaluateRule(document, rule.id, exam.hazardExample);
            expect(hazard.status, hazard.reasons.map((reason) => reason.text.zh).join('\n')).toBe('hazard');
            const clear = await evaluateRule(document, rule.id, exam.clearExample);
            expect(clear.status, clear.reasons.map((reason) => reason.text.zh).join('\n')).toBe('clear');
            expect(clear.applicable, 'the clear example is one where the item applies').toBe(true);
          });

          it('its situation template uses only facts its examples give', () => {
            const variables = [...`${exam.situation.zh} ${exam.situation.en}`.matchAll(/{{\s*([\w.]+)\s*}}/g)].map((match) => match[1]!);
            for (const variable of variables) {
              expect(Object.keys(exam.hazardExample), `template variable ${variable}`).toContain(variable);
              expect(Object.keys(exam.clearExample), `template variable ${variable}`).toContain(variable);
            }
          });
        } else {
          it('has an exam block (the exam generator and the tests need its examples)', () => expect(rule.exam).toBeDefined());
        }

        it('has a boundary case for every numeric threshold', () => {
          const boundaries = boundariesOf(document).filter((boundary) => boundary.rule === rule.id);
          for (const leaf of thresholdLeaves(document, rule)) {
            const inputs = observedFactsOf(document, leaf.fact);
            const kind = expressionKind(document, leaf.fact);
            const covering = boundaries.filter((boundary) =>
              kind === 'countTrue' || kind === 'countHolding' ? boundary.vary === leaf.fact : inputs.includes(boundary.vary),
            );
            const exact = kind === 'observed' || kind === 'ratio' || kind === 'countTrue' || kind === 'countHolding';
            const pinned = covering.filter((boundary) => !exact || compare(toRational(boundary.at), toRational(leaf.value.limit)) === 0);
            expect(pinned.length, `boundary case for ${leaf.fact} ${leaf.value.side} ${leaf.value.limit}`).toBeGreaterThan(0);
          }
        });

        it('has a boundary case at every finite edge of the tables it reads', () => {
          const boundaries = boundariesOf(document);
          for (const { table, keyFacts } of tablesReadBy(document, rule)) {
            const edges = document.tables[table]!.bands.flatMap((band) => [band.from, band.to]).filter((edge) => edge !== null);
            for (const edge of new Set(edges.map(String))) {
              const pinned = boundaries.some((boundary) => keyFacts.includes(boundary.vary) && compare(toRational(boundary.at), toRational(edge)) === 0);
              expect(pinned, `${table} edge ${edge} (vary ${keyFacts.join('/')})`).toBe(true);
            }
          }
        });
      });
    }
  });
}
