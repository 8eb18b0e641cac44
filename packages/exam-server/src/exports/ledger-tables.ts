// The ledger and the regional table as exported tables: Chinese headers, dates and times in Beijing time.
import { gradeLabels, isOverdue, missingPlanContents, statusLabels, type LedgerItem } from '../ledger/item.js';
import type { LedgerFigures } from '../ledger/figures.js';
import type { Cell, Table } from './table-file.js';

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

/** A regulator's latest screening of an enterprise, as the region's table shows it. */
interface ScreeningCells {
  asOf: string;
  sectorTitle: string;
  hazard: number;
  unknown: number;
  hazards: string[];
}
interface RegionTableInput {
  region: string;
  rows: { name: string; inspections: number; figures: LedgerFigures; perThousand: number | null; screening: ScreeningCells | null }[];
  totals: { inspections: number; figures: LedgerFigures; perThousand: number | null };
  /** Enterprises screened that have no account: screening columns only. */
  screenedOnly: (ScreeningCells & { name: string })[];
  screeningTotals: { hazard: number; unknown: number };
}

/** The region's table as the page shows it: each account's ledger figures and latest screening, then the screened enterprises without an account, then the totals. */
export const regionTable = (table: RegionTableInput): Table => {
  const ledgerCells = (inspections: number, figures: LedgerFigures, perThousand: number | null): Cell[] => [
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
  const noLedger: Cell[] = Array.from({ length: 10 }, () => null);
  const screeningCells = (screening: ScreeningCells | null): Cell[] => (screening ? [screening.asOf, screening.sectorTitle, screening.hazard, screening.unknown, screening.hazards.join('；')] : [null, null, null, null, null]);
  return {
    sheet: `${table.region}辖区`.slice(0, 31),
    headers: ['企业', '排查次数', '发现隐患', '已验收销号', '整改率（%）', '未整改', '待验收', '逾期', '未销号重大隐患', '挂牌督办中', '每千次排查隐患数', '最近筛查判定日期', '筛查行业', '筛查重大隐患', '筛查待查明', '筛查发现的重大隐患', '企业账号'],
    rows: [
      ...table.rows.map((row) => [row.name, ...ledgerCells(row.inspections, row.figures, row.perThousand), ...screeningCells(row.screening), '有']),
      ...table.screenedOnly.map((entry) => [entry.name, ...noLedger, ...screeningCells(entry), '无（仅经筛查）']),
      ['合计', ...ledgerCells(table.totals.inspections, table.totals.figures, table.totals.perThousand), null, null, table.screeningTotals.hazard, table.screeningTotals.unknown, null, null],
    ],
  };
};
