// The readable Chinese report of an assessment, as printed by `anquan assess`.
import type { Assessment, Finding } from '../engine/assess.js';

export type FactLabels = (fact: string) => string;

const period = (from: string, to: string | null) => (to ? `${from} 至 ${to}` : `${from} 起施行`);

const heading = (finding: Finding) => `${finding.citation.label} ${finding.title.zh}${finding.verified ? '' : '（条文未经核实）'}  [${finding.ruleId}]`;

export const formatReport = (assessment: Assessment, sectorTitle: string, label: FactLabels, showClear = false): string => {
  const lines: string[] = [];
  lines.push(`${sectorTitle} 重大事故隐患判定报告（判定日期 ${assessment.asOf}）`);
  for (const document of assessment.documents) {
    lines.push(`适用标准：${document.title.zh}（${document.number}），${period(document.effectiveFrom, document.effectiveTo)}`);
  }
  for (const notice of assessment.notices) lines.push(`注意：${notice.message.zh}`);
  const { summary } = assessment;
  if (assessment.findings.length === 0) {
    lines.push('汇总：没有可判定的条文，本报告不作任何结论（不能理解为“无重大事故隐患”）。');
    return lines.join('\n');
  }
  lines.push(`汇总：重大事故隐患 ${summary.hazard} 项；待查明 ${summary.unknown} 项；不构成 ${summary.clear} 项（其中不适用 ${summary.notApplicable} 项）`);

  const hazards = assessment.findings.filter((finding) => finding.status === 'hazard');
  if (hazards.length > 0) {
    lines.push('', '■ 重大事故隐患');
    hazards.forEach((finding, index) => {
      lines.push(`${index + 1}. ${heading(finding)}`);
      for (const reason of finding.reasons.filter((candidate) => candidate.outcome === 'true')) lines.push(`   · ${reason.text.zh}`);
    });
  }
  const unknowns = assessment.findings.filter((finding) => finding.status === 'unknown' && finding.partOf === null);
  if (unknowns.length > 0) {
    lines.push('', '■ 待查明（缺少的事实可能改变结论）');
    unknowns.forEach((finding, index) => {
      lines.push(`${index + 1}. ${heading(finding)}`, `   需查明：${finding.missingFacts.map(label).join('、')}`);
    });
  }
  const clear = assessment.findings.filter((finding) => finding.status === 'clear' && finding.partOf === null);
  if (showClear && clear.length > 0) {
    lines.push('', '■ 不构成');
    clear.forEach((finding, index) => lines.push(`${index + 1}. ${heading(finding)}${finding.applicable === false ? '（不适用）' : ''}`));
  }
  return lines.join('\n');
};
