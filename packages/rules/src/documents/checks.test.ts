// Load-time checks: each kind of broken rules-data is reported with its file and JSON path, all at once.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRulesData, loadRulesData, parseJsonFile, RulesDataError, rulesDataDirectory } from './load.js';

const { documents } = loadRulesData();
const texts = (): Map<string, string> => new Map([['sectors.json', readFileSync(join(rulesDataDirectory(), 'sectors.json'), 'utf8')], ...documents.map((document): [string, string] => [document.file, readFileSync(join(rulesDataDirectory(), document.file), 'utf8')])]);
const coalFile = documents.find((document) => document.id === 'coal-mine-major-hazards' && document.version === '2026')!.file;
const problemsAfter = (change: (document: Record<string, any>) => void, file = coalFile): string[] => {
  const files = texts();
  const document = JSON.parse(files.get(file)!);
  change(document);
  files.set(file, JSON.stringify(document, null, 2));
  try {
    checkRulesData(files);
  } catch (error) {
    expect(error).toBeInstanceOf(RulesDataError);
    return (error as RulesDataError).problems;
  }
  return [];
};

describe('rules-data checks', () => {
  it('accepts rules-data as it is', () => {
    expect(() => checkRulesData(texts())).not.toThrow();
  });

  it('names the file, line and column of bad JSON', () => {
    expect(() => parseJsonFile('{\n  "a": 1,\n  x\n}', 'coal-mine/x.json')).toThrow(/coal-mine\/x\.json:3:3: not valid JSON/);
  });

  it('names the file and JSON path of a format error', () => {
    expect(problemsAfter((document) => (document.rules[2].title.zh = ''))).toEqual([expect.stringMatching(new RegExp(`^${coalFile} \\$\\.rules\\[2\\]\\.title\\.zh: `))]);
  });

  it('finds a duplicate rule id within a document and across documents', () => {
    expect(problemsAfter((document) => (document.rules[3].id = document.rules[2].id)).join('\n')).toContain(`${coalFile} $.rules[3].id: duplicate rule id`);
    const other = documents.find((document) => document.sector === 'fireworks')!;
    expect(problemsAfter((document) => (document.rules[0].id = documents.find((candidate) => candidate.file === coalFile)!.rules[0]!.id), other.file).join('\n')).toContain('is already used in');
  });

  it('finds dangling references: a condition, a fact outside the vocabulary, a derived fact, a table', () => {
    // A rule's written facts are compared with its conditions while the file is parsed (load.ts).
    const linked = problemsAfter((document) => {
      document.rules[1].facts = ['alsoNoSuchFact'];
    }).join('\n');
    expect(linked).toMatch(/rules\.1\.facts: lists alsoNoSuchFact but the conditions read /);
    const reference = problemsAfter((document) => {
      document.rules[0].conditions = { all: [{ condition: 'no-such-rule' }, document.rules[0].conditions] };
    });
    expect(reference).toEqual([`${coalFile} $.rules[0].conditions.all[0].condition: refers to no-such-rule, neither a shared condition nor a rule of this document`]);
    const unknownFact = problemsAfter((document) => {
      document.rules[0].conditions = { all: [{ fact: 'noSuchFact', operator: 'equal', value: true }] };
      delete document.rules[0].facts;
    }).join('\n');
    expect(unknownFact).toContain('$.rules[0].conditions.all[0].fact: unknown fact noSuchFact');
    const derived = problemsAfter((document) => {
      const [name] = Object.keys(document.derivedFacts);
      document.derivedFacts[name!].expression = { ratio: [{ fact: 'missingInput' }, { lookup: 'noTable', key: 1 }] };
      // Written fact lists would now disagree with the conditions: leave them to be derived.
      for (const rule of document.rules) delete rule.facts;
    }).join('\n');
    expect(derived).toMatch(/expression\.ratio\[0\]\.fact: unknown fact missingInput/);
    expect(derived).toMatch(/expression\.ratio\[1\]\.lookup: unknown table noTable/);
  });

  it('finds a shared condition that refers to itself, directly or through another', () => {
    const loop = (name: string, next: string) => ({ label: { zh: name, en: name }, conditions: { any: [{ condition: next }] } });
    const direct = problemsAfter((document) => {
      document.sharedConditions = { ...document.sharedConditions, loopA: loop('loopA', 'loopA') };
    });
    expect(direct).toEqual([`${coalFile} $: conditions refer to themselves: loopA → loopA`]);
    const indirect = problemsAfter((document) => {
      document.sharedConditions = { ...document.sharedConditions, loopA: loop('loopA', 'loopB'), loopB: loop('loopB', 'loopA') };
    });
    expect(indirect).toEqual([`${coalFile} $: conditions refer to themselves: loopA → loopB → loopA`]);
  });

  it('refuses days counted between facts that are not dates', () => {
    const fireworks = documents.find((document) => document.sector === 'fireworks')!;
    const problems = problemsAfter((document) => {
      const [name] = Object.entries(document.derivedFacts).find(([, derived]) => 'daysAfter' in (derived as { expression: object }).expression)!;
      document.derivedFacts[name].expression = { daysAfter: [{ fact: 'activityDate' }, { fact: 'buildingApprovedPersons' }] };
      for (const rule of document.rules) delete rule.facts;
    }, fireworks.file).join('\n');
    expect(problems).toMatch(/expression\.daysAfter\[1\]\.fact: buildingApprovedPersons is not a date fact/);
    expect(problems).not.toMatch(/daysAfter\[0\]/);
  });

  it('resolves a reference to a shared condition of the same document', () => {
    const problems = problemsAfter((document) => {
      document.sharedConditions = { underground: { label: { zh: '井工', en: 'underground' }, conditions: { fact: 'mineType', operator: 'equal', value: 'underground' } } };
      document.rules[0].appliesWhen = { condition: 'underground' };
    });
    // The format does not declare sharedConditions yet: the only complaint may be that unknown field.
    expect(problems.filter((problem) => !problem.includes('$.sharedConditions: unknown field'))).toEqual([]);
  });

  it('finds overlapping versions of one document', () => {
    const older = documents.find((document) => document.id === 'coal-mine-major-hazards' && document.version === '2020')!;
    expect(problemsAfter((document) => (document.effectiveTo = null), older.file).join('\n')).toContain('overlaps coal-mine-major-hazards@2026');
  });
});
