// The re-entry training rule: its reasons carry the dates and the comparison they were decided on, and
// the inputs that cannot be a re-entry are refused naming the field.
import { describe, expect, it } from 'vitest';
import { trainingReentry } from './index.js';

const asOf = '2026-11-01';

describe('training-reentry', () => {
  it('gives the comparison as parameters and renders the sentence from them', () => {
    const result = trainingReentry({ leftPostDate: '2025-03-01', returnDate: '2026-03-01' }, { asOf });
    const absence = result.reasons.find((item) => item.code === 'training.reentryRequired')!;
    expect(absence.params).toMatchObject({ input: 'returnDate', returnDate: '2026-03-01', operator: '>=', limit: 1, retrainFrom: '2026-03-01', outcome: true });
    expect(absence.zh).toContain('须重新接受车间（工段、区、队）级和班组级安全培训');
    expect(absence.zh).not.toMatch(/true|false|>=/);
    const due = result.reasons.find((item) => item.code === 'deadline.verdict')!;
    expect(due.params).toMatchObject({ dueDate: '2026-03-01', dueDateIncluded: true, outcome: 'late' });
    expect(result.citations.map((citation) => citation.label)).toContain('《生产经营单位安全培训规定》第十七条');
  });

  it('refuses a call with neither a leaving date nor a post change, and training before leaving', () => {
    expect(() => trainingReentry({}, { asOf })).toThrow(/input\.leftPostDate: expected leftPostDate or postChangeDate/);
    expect(() => trainingReentry({ leftPostDate: '2025-03-01', returnDate: '2026-04-01', retrainingDate: '2025-02-01' }, { asOf })).toThrow(/input\.retrainingDate/);
    expect(() => trainingReentry({ leftPostDate: '2025-03-01', returnDate: '2025-02-01' }, { asOf })).toThrow(/input\.returnDate/);
  });
});
