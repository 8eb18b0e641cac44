// The self-assessment report: hazards first with the values that made each fire, then what is still
// unknown (each fact to find out and the items waiting on it), then the clear items; documents and notices.
import type { Assessment, Finding } from '@anquan/rules';
import type { AssessmentRecord, RectificationItem } from '../store/repository.js';
import type { Field } from './fields.js';
import { statusLabels } from './rectification.js';

const citationOf = (finding: Finding) => ({ ...finding.citation, text: `${finding.citation.number} ${finding.citation.label}` });

const itemView = (finding: Finding) => ({
  ruleId: finding.ruleId,
  title: finding.title.zh,
  titleEn: finding.title.en,
  category: finding.category.title.zh,
  citation: citationOf(finding),
  verified: finding.verified,
  explanation: finding.explanation.zh,
});

const hazardView = (finding: Finding, subItems: Finding[], item: RectificationItem | undefined) => {
  const held = finding.reasons.filter((reason) => reason.outcome === 'true');
  return {
    ...itemView(finding),
    // The conditions that held, with their values; for a test built on "not", every condition is shown.
    because: (held.length > 0 ? held : finding.reasons).map((reason) => reason.text.zh),
    otherReasons: held.length > 0 ? finding.reasons.filter((reason) => reason.outcome !== 'true').map((reason) => reason.text.zh) : [],
    subItems: subItems.filter((sub) => sub.status === 'hazard').map((sub) => ({ ...itemView(sub), because: sub.reasons.filter((reason) => reason.outcome === 'true').map((reason) => reason.text.zh) })),
    readings: finding.readings.map((reading) => reading.zh),
    rectification: item ? { ...item, statusLabel: statusLabels[item.status] } : null,
  };
};

export type Report = ReturnType<typeof buildReport>;

export const buildReport = (
  record: AssessmentRecord,
  assessment: Assessment,
  options: { fields: Map<string, Field>; sectorTitle: string; items: RectificationItem[] },
) => {
  const firstLevel = assessment.findings.filter((finding) => finding.partOf === null);
  const subItemsOf = (ruleId: string) => assessment.findings.filter((finding) => finding.partOf === ruleId);
  const items = options.items.filter((item) => item.assessmentId === record.id);
  // The newest item per rule is the one the report shows next to the hazard.
  const itemFor = (ruleId: string) => items.filter((item) => item.ruleId === ruleId).sort((a, b) => b.foundAt.localeCompare(a.foundAt))[0];

  const waiting = new Map<string, Finding[]>();
  for (const finding of firstLevel.filter((candidate) => candidate.status === 'unknown')) {
    for (const fact of finding.missingFacts) waiting.set(fact, [...(waiting.get(fact) ?? []), finding]);
  }
  const unknownFacts = [...waiting.entries()]
    .map(([fact, findings]) => {
      const field = options.fields.get(fact);
      return { fact, label: field?.label ?? fact, unit: field?.unit ?? null, hint: field?.hint ?? null, rules: findings.map(itemView), count: findings.length };
    })
    .sort((a, b) => b.count - a.count || a.fact.localeCompare(b.fact));

  return {
    id: record.id,
    sector: record.sector,
    sectorTitle: options.sectorTitle,
    asOf: assessment.asOf,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    answered: Object.keys(record.facts).length,
    summary: assessment.summary,
    documents: assessment.documents.map((document) => ({ ...document, titleZh: document.title.zh, partial: document.itemsAvailable === 'partial', unavailable: document.itemsAvailable === false })),
    notices: assessment.notices.map((notice) => ({ kind: notice.kind, documentId: notice.documentId, message: notice.message.zh, messageEn: notice.message.en })),
    hazards: firstLevel.filter((finding) => finding.status === 'hazard').map((finding) => hazardView(finding, subItemsOf(finding.ruleId), itemFor(finding.ruleId))),
    unknowns: firstLevel.filter((finding) => finding.status === 'unknown').map((finding) => ({ ...itemView(finding), missingFacts: finding.missingFacts.map((fact) => options.fields.get(fact)?.label ?? fact) })),
    unknownFacts,
    clear: firstLevel.filter((finding) => finding.status === 'clear' && finding.applicable !== false).map(itemView),
    notApplicable: firstLevel.filter((finding) => finding.applicable === false).map(itemView),
    cleared: items.filter((item) => item.clearedOnReassessment).map((item) => ({ ...item, statusLabel: statusLabels[item.status] })),
    rectifications: items.map((item) => ({ ...item, statusLabel: statusLabels[item.status] })),
  };
};

/** The downloadable JSON: the report plus the facts answered and every finding as the library returned it. */
export const reportDownload = (report: Report, record: AssessmentRecord, assessment: Assessment) => ({
  ...report,
  facts: record.facts,
  findings: assessment.findings,
});
