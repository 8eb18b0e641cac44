// The catalogue finds each question by id through its indexes exactly as a scan of its pools would.
import { describe, expect, it } from 'vitest';
import { baseBlueprints } from '../papers/blueprints.js';
import type { Repository } from '../store/repository.js';
import { createQuestionCatalogue } from './catalogue.js';

const asOf = '2026-09-01';
const catalogue = createQuestionCatalogue({ importedQuestions: async () => [] } as unknown as Repository, () => asOf);

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
