// The ledger and the regional table as exported tables: Chinese headers, dates and times in Beijing time.
import { gradeLabels, isOverdue, missingPlanContents, statusLabels, type LedgerItem } from '../ledger/item.js';
import type { LedgerFigures } from '../ledger/figures.js';
import type { Table } from './table-file.js';

/** An instant as Beijing wall time YYYY-MM-DD HH:mm. */
export const beijing = (at: string | null | undefined): string | null => (at ? new Date(Date.parse(at) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ') : null);

export const ledgerTable = (items: LedgerItem[], today: string, categoryTitle: (sector: string) => string): Table => ({
  sheet: '隐患排查治理台账',
  headers: ['序号', '隐患', '依据', '行业', '等级', '状态', '是否逾期', '发现时间（北京时间）', '治理目标和任务', '方法和措施', '经费（元）', '物资', '负责治理的机构', '负责治理的人员', '治理时限', '治理要求', '安全措施', '应急预案', '方案缺项', '挂牌督办机关', '挂牌督办日期', '整改完成（北京时间）', '整改人', '验收人', '验收日期', '验收意见', '销号时间（北京时间）', '复发次数'],
  rows: items.map((item, index) => [
    index + 1,
    item.title,
    item.citation,
    categoryTitle(item.ledger.sector),
    gradeLabels[item.ledger.grade],
    statusLabels[item.status],
    isOverdue(item, today) ? '是' : '否',
    beijing(item.foundAt),
    item.ledger.plan.goal,
    item.ledger.plan.measures,
    item.ledger.plan.fundsYuan,
    item.ledger.plan.materials,
    item.ledger.plan.organisation,
    item.ledger.plan.persons,
    item.ledger.plan.deadline,
    item.ledger.plan.requirements,
    item.ledger.plan.safetyMeasures,
    item.ledger.plan.emergencyPlan,
    missingPlanContents(item.ledger.plan).map((content) => content.label).join('、'),
    item.ledger.supervision?.authority ?? null,
    item.ledger.supervision?.date ?? null,
    beijing(item.ledger.rectifiedBy?.at),
    item.ledger.rectifiedBy?.name ?? null,
    item.ledger.acceptance?.name ?? null,
    item.ledger.acceptance?.date ?? null,
    item.ledger.acceptance?.note ?? null,
    item.status === 'closed' ? beijing(item.closedAt) : null,
    item.ledger.recurrences.length,
  ]),
});

export const regionTable = (region: string, rows: { name: string; inspections: number; figures: LedgerFigures; perThousand: number | null }[], totals: { inspections: number; figures: LedgerFigures; perThousand: number | null }): Table => {
  const line = (name: string, inspections: number, figures: LedgerFigures, perThousand: number | null) => [
    name,
    inspections,
    figures.found,
    figures.accepted,
    figures.rate === null ? null : Math.round(figures.rate * 10000) / 100,
    figures.open + figures.rectifying,
    figures.awaiting,
    figures.overdue,
    figures.openMajor,
    figures.supervised,
    perThousand === null ? null : Math.round(perThousand * 100) / 100,
  ];
  return {
    sheet: `${region}辖区`.slice(0, 31),
    headers: ['企业', '排查次数', '发现隐患', '已验收销号', '整改率（%）', '未整改', '待验收', '逾期', '未销号重大隐患', '挂牌督办中', '每千次排查隐患数'],
    rows: [...rows.map((row) => line(row.name, row.inspections, row.figures, row.perThousand)), line('合计', totals.inspections, totals.figures, totals.perThousand)],
  };
};
