// The catalogue finds each question by id through its indexes exactly as a scan of its pools would.
import { describe, expect, it } from 'vitest';
import { baseBlueprints } from '../papers/blueprints.js';
import { createMemoryRepository } from '../store/memory-repository.js';
import type { Repository, StoredQuestion } from '../store/repository.js';
import { createQuestionCatalogue } from './catalogue.js';

const asOf = '2026-09-01';
const catalogue = createQuestionCatalogue({ importedQuestions: async () => [], importedQuestion: async () => undefined } as unknown as Repository, () => asOf);

describe('question catalogue by id', () => {
  it('returns, for every question of every blueprint pool, the question the pool holds under that id', async () => {
    const pools = await Promise.all(baseBlueprints().map((blueprint) => catalogue.forSources(blueprint.sources)));
    const everyQuestion = new Map(pools.flat().map((question) => [question.id, question]));
    // Generated, calculation and curated questions all appear, so each index is reached.
    expect([...everyQuestion.keys()].some((id) => id.startsWith('g:'))).toBe(true);
    expect([...everyQuestion.keys()].some((id) => id.startsWith('c:'))).toBe(true);
    expect([...everyQuestion.keys()].some((id) => !id.startsWith('g:') && !id.startsWith('c:'))).toBe(true);
    for (const [id, question] of everyQuestion) expect(await catalogue.byId(id), id).toBe(question);
  });

  it('answers undefined for ids it does not hold, of each kind', async () => {
    for (const id of ['g:no-such-rule:0', 'c:no-such-calculation', 'bank/no-such-question', '']) expect(await catalogue.byId(id)).toBeUndefined();
    const [someGenerated] = (await catalogue.forSources(baseBlueprints()[0]!.sources)).filter((question) => question.id.startsWith('g:'));
    expect(await catalogue.byId(`${someGenerated!.id}-not-this-one`)).toBeUndefined();
  });
});

describe('question catalogue with imported questions', () => {
  const blueprint = baseBlueprints().find((candidate) => candidate.sources.bankTopics.length > 0)!;
  const imported = (stem: string, importedAt: string): StoredQuestion => ({
    id: 'imported-1',
    type: 'judgement',
    topic: blueprint.sources.bankTopics[0]!,
    stem,
    options: [
      { key: 'T', text: '正确' },
      { key: 'F', text: '错误' },
    ],
    answer: ['T'],
    explanation: '说明',
    citation: '第一条',
    importedBy: 'admin',
    importedAt,
  });

  it('finds an imported question by id and in its pools, and sees a re-import of the same id', async () => {
    const store = createMemoryRepository();
    const withImports = createQuestionCatalogue(store, () => asOf);
    expect(await withImports.byId('imported-1')).toBeUndefined();
    await store.saveImportedQuestions([imported('第一版题干', '2026-09-01T00:00:00.000Z')]);
    const first = await withImports.forSources(blueprint.sources);
    expect(first.find((question) => question.id === 'imported-1')?.stem).toBe('第一版题干');
    expect(await withImports.byId('imported-1')).toEqual(first.find((question) => question.id === 'imported-1'));
    // Same ids, same pool array; the list of every blueprint gives each the array forSources gives.
    expect(await withImports.forSources(blueprint.sources)).toBe(first);
    const many = await withImports.forManySources(baseBlueprints().map((candidate) => candidate.sources));
    for (const [index, candidate] of baseBlueprints().entries()) expect(many[index], candidate.id).toBe(await withImports.forSources(candidate.sources));
    // The same id imported again with another stem: a new pool, and byId agrees with it.
    await store.saveImportedQuestions([imported('第二版题干', '2026-09-02T00:00:00.000Z')]);
    const second = await withImports.forSources(blueprint.sources);
    expect(second).not.toBe(first);
    expect(second.find((question) => question.id === 'imported-1')?.stem).toBe('第二版题干');
    expect((await withImports.byId('imported-1'))?.stem).toBe('第二版题干');
  });
});
