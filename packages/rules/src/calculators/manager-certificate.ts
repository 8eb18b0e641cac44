// The principal's and safety manager's qualification certificate (安全资格证): its validity and the
// renewal application as a verdict on dates, and for coal mines the assessment after appointment, the
// assessment every few years, and the wait after a failed re-sit.
import { z } from 'zod';
import type { Bilingual } from '../documents/format.js';
import { InputError, parseInput } from '../validation/issues.js';
import { numberParameter, withDocument } from './certification.js';
import { addCalendar, addDays, deadline, deadlineBefore, deadlineReason, type Deadline } from './deadline.js';
import { asOfDate, dateInput, requireParameter, type CalculatorOptions, type CalculatorDraft } from './result.js';

export const managerCertificateInput = z.strictObject({
  role: z.enum(['principal', 'safetyManager']),
  /** A coal-mine enterprise: its managers follow the coal-mine training rules. */
  coalMine: z.boolean().default(false),
  /** Issue date of the qualification certificate. */
  issueDate: dateInput.optional(),
  /** The day the renewal (延续) was applied for. */
  renewalApplicationDate: dateInput.optional(),
  /** Coal mines: the day the person took up the post. */
  appointmentDate: dateInput.optional(),
  /** Coal mines: the day the first assessment after appointment was passed. */
  firstAssessmentPassDate: dateInput.optional(),
  /** Coal mines: the day the latest assessment was passed. */
  lastAssessmentPassDate: dateInput.optional(),
  /** Coal mines: the day the re-sit was failed. */
  resitFailedDate: dateInput.optional(),
});

export interface ManagerCertificateResult {
  expiryDate: string | null;
  renewal: Deadline | null;
  coal: {
    firstAssessment: Deadline | null;
    nextAssessment: Deadline | null;
    /** The last day of the wait after a failed re-sit (一年内, the day included: a reading). */
    reapplyBarredUntil: string | null;
    mayApplyForAssessment: boolean | null;
  } | null;
}

const roleZh = { principal: '主要负责人', safetyManager: '安全生产管理人员' } as const;

export const managerCertificate = (input: unknown, options?: CalculatorOptions): CalculatorDraft<ManagerCertificateResult> => {
  const facts = parseInput(managerCertificateInput, input, 'input');
  const asOf = asOfDate(options);
  if (facts.renewalApplicationDate !== undefined && facts.issueDate === undefined) throw new InputError([{ path: 'input.issueDate', message: 'expected the issue date to judge a renewal application' }]);
  const empty: ManagerCertificateResult = { expiryDate: null, renewal: null, coal: null };
  return withDocument('manager-certificate', asOf, empty, (document, citations) => {
    const result: ManagerCertificateResult = { ...empty };
    const missing: string[] = [];
    const reasons: Bilingual[] = [];
    const cite = (id: string) => {
      const parameter = requireParameter(document, id);
      citations.add(document, parameter.citation);
      return parameter.citation;
    };

    if (facts.issueDate === undefined) missing.push('input.issueDate');
    else {
      const years = numberParameter(document, 'managerCertificateValidityYears');
      cite('managerCertificateValidityYears');
      result.expiryDate = addCalendar(facts.issueDate, years);
      const days = numberParameter(document, 'managerRenewalDaysBeforeExpiry');
      result.renewal = deadlineBefore(
        { id: 'renewal', duty: { zh: `${roleZh[facts.role]}安全资格证申请延续（届满${days}日前）`, en: `Apply to renew the certificate (${days} days before expiry)` }, amount: days, unit: 'd', dueDateIncluded: true, citation: cite('managerRenewalDaysBeforeExpiry') },
        result.expiryDate,
        facts.renewalApplicationDate,
        asOf,
      );
      reasons.push({ zh: `安全资格证 ${facts.issueDate} 颁发，有效期${years}年，至 ${result.expiryDate} 届满（同月同日对应，属解释）。`, en: `Issued ${facts.issueDate}, valid ${years} years to ${result.expiryDate}.` });
      reasons.push(deadlineReason(result.renewal));
    }

    if (facts.coalMine) {
      const months = numberParameter(document, 'coalManagerFirstAssessmentMonths');
      const interval = numberParameter(document, 'coalManagerAssessmentIntervalYears');
      const banYears = numberParameter(document, 'coalManagerResitBanYears');
      const coal: NonNullable<ManagerCertificateResult['coal']> = { firstAssessment: null, nextAssessment: null, reapplyBarredUntil: null, mayApplyForAssessment: null };
      if (facts.appointmentDate === undefined) missing.push('input.appointmentDate');
      else {
        coal.firstAssessment = deadline(
          { id: 'coalFirstAssessment', duty: { zh: `煤矿企业${roleZh[facts.role]}自任职之日起${months}个月内通过考核`, en: `Pass the assessment within ${months} months of appointment` }, amount: months, unit: 'months', dueDateIncluded: true, citation: cite('coalManagerFirstAssessmentMonths') },
          facts.appointmentDate,
          facts.firstAssessmentPassDate,
          asOf,
        );
        reasons.push(deadlineReason(coal.firstAssessment));
      }
      const last = facts.lastAssessmentPassDate ?? facts.firstAssessmentPassDate;
      if (last !== undefined) {
        // The next assessment is still to come: it is due (or late) as of today, counted from the last pass (a reading).
        coal.nextAssessment = deadline(
          { id: 'coalNextAssessment', duty: { zh: `此后每${interval}年考核一次（自上次通过考核之日起算，属解释）`, en: `Assessment every ${interval} years (counted from the last pass: a reading)` }, amount: interval, unit: 'years', dueDateIncluded: true, citation: cite('coalManagerAssessmentIntervalYears') },
          last,
          undefined,
          asOf,
        );
        reasons.push(deadlineReason(coal.nextAssessment));
      }
      if (facts.resitFailedDate !== undefined) {
        cite('coalManagerResitBanYears');
        coal.reapplyBarredUntil = addCalendar(facts.resitFailedDate, banYears);
        coal.mayApplyForAssessment = asOf > coal.reapplyBarredUntil;
        reasons.push({
          zh: `${facts.resitFailedDate} 补考仍不合格：${banYears}年内（至 ${coal.reapplyBarredUntil}，含当日，属解释）不得再次申请考核，自 ${addDays(coal.reapplyBarredUntil, 1)} 起可再申请；考核部门告知其企业或任免机关调整其工作岗位。`,
          en: `Failed the re-sit on ${facts.resitFailedDate}: no new application for ${banYears} year(s), until ${coal.reapplyBarredUntil} inclusive (a reading).`,
        });
      }
      result.coal = coal;
    }
    return { status: missing.length ? 'unknown' : 'decided', result, missing, reasons };
  });
};
