// Derived-fact expressions: days between two observed dates, counted the same way by the reference
// evaluator (json-rules-engine's derived facts) and the compiled one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calculators/deadline.js';
import { loadRulesData } from '../documents/load.js';
import type { Expression } from '../documents/format.js';
import { assessDocument, findingsOf } from './assess.js';
import { baseFactsOf, evaluateExpression } from './expressions.js';

const context = { derivedFacts: {}, tables: {} };
const daysAfter: Expression = { daysAfter: [{ fact: 'later' }, { fact: 'earlier' }] };
/** Calendar days from 1900-01-01 to 2100-12-31, as dates. */
const calendarDate = fc.integer({ min: -25_567, max: 47_846 }).map((day) => new Date(day * 86_400_000).toISOString().slice(0, 10));
const valueOf = (facts: Record<string, unknown>) => {
  const evaluated = evaluateExpression(daysAfter, facts, context);
  return evaluated.kind === 'value' ? Number(evaluated.value.n) / Number(evaluated.value.d) : evaluated;
};

describe('daysAfter', () => {
  it('is the number of days that, added to the second date, gives the first (leap days and year ends included)', () => {
    fc.assert(
      fc.property(calendarDate, calendarDate, (later, earlier) => {
        const days = valueOf({ later, earlier });
        expect(typeof days).toBe('number');
        expect(addDays(earlier, days as number)).toBe(later);
        expect(Math.sign(days as number)).toBe(later > earlier ? 1 : later < earlier ? -1 : 0);
      }),
      { numRuns: 200, seed: 1515 },
    );
    expect(valueOf({ later: '2024-03-01', earlier: '2024-02-28' })).toBe(2);
    expect(valueOf({ later: '2026-01-01', earlier: '2025-12-31' })).toBe(1);
  });

  it('names the missing dates, and makes no quantity of a day that does not exist', () => {
    expect(evaluateExpression(daysAfter, { later: '2026-04-01' }, context)).toEqual({ kind: 'missing', facts: ['earlier'] });
    expect(evaluateExpression(daysAfter, {}, context)).toEqual({ kind: 'missing', facts: ['later', 'earlier'] });
    expect(evaluateExpression(daysAfter, { later: '2026-02-30', earlier: '2026-02-01' }, context)).toMatchObject({ kind: 'none', why: 'later is not a calendar date' });
    expect(evaluateExpression(daysAfter, { later: '2026-03-01', earlier: 20260201 }, context)).toMatchObject({ kind: 'none' });
    expect(baseFactsOf(daysAfter, context)).toEqual(['later', 'earlier']);
  });

  it('the compiled evaluator and json-rules-engine agree on a rule that compares two dates (fireworks licence expiry)', async () => {
    const document = loadRulesData().documents.find((candidate) => Object.values(candidate.derivedFacts).some((derived) => typeof derived.expression === 'object' && 'daysAfter' in derived.expression))!;
    const [name, derived] = Object.entries(document.derivedFacts).find(([, candidate]) => typeof candidate.expression === 'object' && 'daysAfter' in candidate.expression)!;
    const [laterFact, earlierFact] = (derived.expression as { daysAfter: [{ fact: string }, { fact: string }] }).daysAfter.map((operand) => operand.fact) as [string, string];
    const rule = document.rules.find((candidate) => candidate.facts.includes(laterFact))!;
    // Every other fact the rule reads answered "no", so the dates alone decide it.
    const others = Object.fromEntries(rule.facts.filter((fact) => fact !== laterFact && fact !== earlierFact).map((fact) => [fact, false]));
    const date = fc.oneof(calendarDate, fc.constantFrom('2026-03-30', '2026-03-31', '2026-04-01', '2026-02-30', undefined));
    await fc.assert(
      fc.asyncProperty(date, date, async (later, earlier) => {
        const facts = { ...others, ...(later === undefined ? {} : { [laterFact]: later }), ...(earlier === undefined ? {} : { [earlierFact]: earlier }) };
        const [finding] = await assessDocument(document, facts, [rule.id], { explain: 'none', crossCheck: true });
        const reference = evaluateExpression({ fact: name }, facts, document);
        expect(finding!.status).toBe(reference.kind === 'missing' ? 'unknown' : reference.kind === 'value' && reference.value.n > 0n ? 'hazard' : 'clear');
        expect(findingsOf(document, facts, [rule.id], 'none')[0]!.status).toBe(finding!.status);
      }),
      { numRuns: 150, seed: 1516 },
    );
  });
});
