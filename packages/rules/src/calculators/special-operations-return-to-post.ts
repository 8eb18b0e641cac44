// Back at a special-operations post after time away: from how long the worker was away, whether the
// practical exam must be taken again before working, and from which day away that became so.
import { z } from 'zod';
import type { Bilingual } from '../documents/format.js';
import { InputError, parseInput } from '../validation/issues.js';
import { numberParameter, withDocument } from './certification.js';
import { addCalendar } from './deadline.js';
import { reason } from './reason.js';
import { asOfDate, dateInput, requireParameter, type CalculatorOptions, type CalculatorDraft } from './result.js';

export const specialOperationsReturnToPostInput = z.strictObject({
  /** The first day away from the special-operations post. */
  leftPostDate: dateInput,
  /** The day of return (defaults to the as-of date). */
  returnDate: dateInput.optional(),
});

export interface ReturnToPostResult {
  /** The return date from which the practical exam is retaken (“6个月以上”, the day itself included: a reading). */
  retestFrom: string;
  returnDate: string;
  practicalRetestRequired: boolean;
}

export const specialOperationsReturnToPost = (input: unknown, options?: CalculatorOptions): CalculatorDraft<ReturnToPostResult | null> => {
  const facts = parseInput(specialOperationsReturnToPostInput, input, 'input');
  const asOf = asOfDate(options);
  const returnDate = facts.returnDate ?? asOf;
  if (returnDate < facts.leftPostDate) throw new InputError([{ path: 'input.returnDate', message: `expected a date on or after leftPostDate ${facts.leftPostDate}` }]);
  return withDocument<ReturnToPostResult | null>('special-operations-return-to-post', asOf, null, (document, citations) => {
    const months = numberParameter(document, 'absenceRetestMonths');
    citations.add(document, requireParameter(document, 'absenceRetestMonths').citation);
    const retestFrom = addCalendar(facts.leftPostDate, 0, months);
    const required = returnDate >= retestFrom;
    const reasons: Bilingual[] = [
      reason('specialOperations.returnToPost', { input: 'returnDate', leftPostDate: facts.leftPostDate, returnDate, operator: '>=', limit: months, retestFrom, outcome: required, citation: requireParameter(document, 'absenceRetestMonths').citation }),
    ];
    return { status: 'decided', result: { retestFrom, returnDate, practicalRetestRequired: required }, missing: [], reasons };
  });
};
