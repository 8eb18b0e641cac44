// Back at work after time away, or moved to another post: whether workshop- and team-level safety
// training is given again (3号令 as the digest gives it), and whether it was given by the day of re-entry.
import { z } from 'zod';
import type { Bilingual } from '../documents/format.js';
import { InputError, parseInput } from '../validation/issues.js';
import { numberParameter, withDocument } from './certification.js';
import { datasetRows } from './data.js';
import { addCalendar, deadline, deadlineReason, type Deadline } from './deadline.js';
import { reason } from './reason.js';
import { asOfDate, dateInput, requireParameter, type CalculatorDraft, type CalculatorOptions } from './result.js';

export const trainingReentryInput = z
  .strictObject({
    /** The first day away from work. */
    leftPostDate: dateInput.optional(),
    /** The day back at work (defaults to the as-of date: “if back today”). */
    returnDate: dateInput.optional(),
    /** The day the worker moved to another post within the unit. */
    postChangeDate: dateInput.optional(),
    /** The day the workshop- and team-level training was completed. */
    retrainingDate: dateInput.optional(),
    /** A new process, technology or material, or new equipment, is used where the worker works. */
    newProcessOrEquipment: z.boolean().optional(),
  })
  .refine((facts) => facts.leftPostDate !== undefined || facts.postChangeDate !== undefined, { message: 'expected leftPostDate or postChangeDate', path: ['leftPostDate'] });

export interface TrainingReentryResult {
  /** Workshop- and team-level training is given again (null: it hangs on dates not given). */
  retrainingRequired: boolean | null;
  /** Returning on or after this day (the anniversary of leaving) requires the training. */
  retrainFrom: string | null;
  levels: Bilingual[];
  /** The training due by the day of re-entry: on time, late or still due. */
  deadlines: Deadline[];
  /** Targeted training for a new process, technology, material or equipment (null: not said). */
  targetedTrainingRequired: boolean | null;
}

const levelRow = z.object({ id: z.string(), zh: z.string(), en: z.string() });

export const trainingReentry = (input: unknown, options?: CalculatorOptions): CalculatorDraft<TrainingReentryResult | null> => {
  const facts = parseInput(trainingReentryInput, input ?? {}, 'input');
  const asOf = asOfDate(options);
  const returnDate = facts.returnDate ?? asOf;
  if (facts.leftPostDate !== undefined && returnDate < facts.leftPostDate) {
    throw new InputError([{ path: facts.returnDate === undefined ? 'options.asOf' : 'input.returnDate', message: `expected a date on or after leftPostDate ${facts.leftPostDate}` }]);
  }
  // Training before leaving is not training on re-entry (a reading): refused rather than counted.
  const earliest = [facts.leftPostDate, facts.postChangeDate].filter((day): day is string => day !== undefined).sort()[0]!;
  if (facts.retrainingDate !== undefined && facts.retrainingDate < earliest) {
    throw new InputError([{ path: 'input.retrainingDate', message: `expected a date on or after ${earliest} (leaving or changing post)` }]);
  }
  return withDocument<TrainingReentryResult | null>('training-reentry', asOf, null, (document, citations) => {
    const limit = numberParameter(document, 'reentryRetrainingYears');
    const citation = requireParameter(document, 'reentryRetrainingYears').citation;
    citations.add(document, citation);
    const levels = datasetRows(document, 'reentryTrainingLevels', levelRow).map((row) => ({ zh: row.zh, en: row.en }));
    const reasons: Bilingual[] = [];
    const deadlines: Deadline[] = [];
    const duty = { zh: `重新上岗前完成${levels.map((level) => level.zh).join('和')}`, en: `complete ${levels.map((level) => level.en).join(' and ')} before working again` };
    // Due on the day of re-entry itself, that day included (training first, then work: a reading).
    const dueOnEntry = (from: string): Deadline => deadline({ id: 'reentryTraining', duty, amount: 0, unit: 'd', dueDateIncluded: true, citation }, from, facts.retrainingDate, asOf);

    let retrainFrom: string | null = null;
    let required = false;
    if (facts.postChangeDate !== undefined) {
      required = true;
      reasons.push(reason('training.reentryRequired', { reasonWords: 'transfer', postChangeDate: facts.postChangeDate, outcome: true, citation }));
      const verdict = dueOnEntry(facts.postChangeDate);
      deadlines.push(verdict);
      reasons.push(deadlineReason(verdict));
    }
    if (facts.leftPostDate !== undefined) {
      retrainFrom = addCalendar(facts.leftPostDate, limit);
      // “1年以上”: 以上 includes the number, so the anniversary itself is enough.
      const absent = returnDate >= retrainFrom;
      reasons.push(
        reason('training.reentryRequired', {
          reasonWords: absent ? 'absence' : 'short',
          input: 'returnDate',
          leftPostDate: facts.leftPostDate,
          returnDate,
          operator: '>=',
          limit,
          retrainFrom,
          outcome: absent,
          citation,
        }),
      );
      if (absent) {
        required = true;
        const verdict = dueOnEntry(returnDate);
        deadlines.push(verdict);
        reasons.push(deadlineReason(verdict));
      }
    }
    const targeted = facts.newProcessOrEquipment ?? null;
    if (targeted !== null) reasons.push(reason('training.targeted', { input: 'newProcessOrEquipment', value: targeted, outcome: targeted, citation }));
    return {
      status: 'decided',
      result: { retrainingRequired: required, retrainFrom, levels: required ? levels : [], deadlines, targetedTrainingRequired: targeted },
      missing: [],
      reasons,
    };
  });
};
