// GB 18218 major hazard installations: S = Σ q/Q per unit (production and storage units apart), the grading
// index R = α·Σ β·q/Q and its grade, and the grade-dependent duties of 40号令 — all exact, all from data.
import { z } from 'zod';
import type { Bilingual } from '../documents/format.js';
import { add, compare, divide, multiply, sum, toRational, type Rational } from '../exact/rational.js';
import { InputError, parseInput, type InputIssue } from '../validation/issues.js';
import {
  asOfDate,
  Citations,
  countInput,
  decimalInput,
  lookupBand,
  noVersionReason,
  parameterValue,
  requireDataset,
  requireTable,
  show,
  versionInForce,
  type CalculatorOptions,
  type CalculatorResult,
} from './result.js';

export const majorHazardDocumentId = 'gb18218-major-hazard-installations';
export const majorHazardSupervisionDocumentId = 'hazchem-major-hazard-supervision';

const substanceInput = z.strictObject({
  /** Name as in table 1 (with its qualifiers), an alias, or a CAS number. */
  chemical: z.string().min(1).optional(),
  /** Table 1 row number: the unambiguous way to name a listed chemical. */
  table1No: z.number().int().min(1).optional(),
  /** Table 2 category symbols (J1…W11) of the chemical: needed for chemicals outside table 1, and for β outside table 3. */
  categories: z.array(z.string().min(1)).optional(),
  /** Which category's β to use when several apply (by default the largest β, see the readings). */
  betaCategory: z.string().min(1).optional(),
  /** Design maximum quantity in the unit (4.2.2), tonnes. */
  quantityTonnes: decimalInput.optional(),
  /** A liquefied flammable gas (40号令第九条第（二）项). */
  liquefiedFlammableGas: z.boolean().optional(),
});

const unitInput = z.strictObject({
  name: z.string().min(1).optional(),
  kind: z.enum(['production', 'storage']),
  substances: z.array(substanceInput).min(1, 'expected at least one hazardous chemical'),
  /** 40号令第十三条第（三）项: toxic gas, liquefied gas or highly toxic liquid involved. */
  involvesToxicGasLiquefiedGasOrHighlyToxicLiquid: z.boolean().optional(),
});

export const majorHazardInstallationInput = z.strictObject({
  /** Permanent residents within 500 m outside the plant boundary (table 5). */
  residentsWithin500m: countInput.optional(),
  units: z.array(unitInput).min(1, 'expected at least one unit'),
});
export type MajorHazardInstallationInput = z.input<typeof majorHazardInstallationInput>;

export interface SubstanceResult {
  chemical: string | null;
  table1No: number | null;
  thresholdTonnes: string | null;
  thresholdSource: string | null;
  quantityTonnes: string | null;
  ratio: string | null;
  beta: string | null;
  betaSource: string | null;
}

export interface DutyResult {
  id: string;
  duty: Bilingual;
  /** null: depends on a fact not given. */
  applies: boolean | null;
  citation: string;
}

export interface UnitResult {
  name: string;
  kind: 'production' | 'storage';
  S: string | null;
  isMajorHazard: boolean | null;
  alpha: string | null;
  R: string | null;
  grade: 1 | 2 | 3 | 4 | null;
  substances: SubstanceResult[];
  duties: DutyResult[];
}

export interface MajorHazardInstallationResult {
  units: UnitResult[];
  majorHazardUnits: number | null;
  highestGrade: 1 | 2 | 3 | 4 | null;
}

type Row = Record<string, string | number | boolean | null>;

const splitList = (value: unknown): string[] =>
  typeof value === 'string' ? value.split(/[;；、]/).map((part) => part.trim()).filter(Boolean) : [];

const normalise = (text: string): string => text.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')').replace(/，/g, ',').toLowerCase();

const gradeNames: Record<number, Bilingual> = {
  1: { zh: '一级', en: 'grade 1' },
  2: { zh: '二级', en: 'grade 2' },
  3: { zh: '三级', en: 'grade 3' },
  4: { zh: '四级', en: 'grade 4' },
};

interface Resolved {
  row: Row | undefined;
  /** Several table 1 rows share the name or CAS number (nitrocellulose, ammonium nitrate). */
  ambiguous: Row[];
}

const resolveChemical = (rows: Row[], chemical: string | undefined, table1No: number | undefined): Resolved => {
  if (table1No !== undefined) return { row: rows.find((row) => row.no === table1No), ambiguous: [] };
  if (!chemical) return { row: undefined, ambiguous: [] };
  const wanted = normalise(chemical);
  const byName = rows.filter((row) => normalise(String(row.nameZh)) === wanted);
  const matches = byName.length ? byName : rows.filter((row) => [...splitList(row.aliasesZh), ...splitList(row.cas)].some((name) => normalise(name) === wanted));
  if (matches.length > 1) return { row: undefined, ambiguous: matches };
  return { row: matches[0], ambiguous: [] };
};

export const majorHazardInstallation = (input: unknown, options?: CalculatorOptions): CalculatorResult<MajorHazardInstallationResult> => {
  const facts = parseInput(majorHazardInstallationInput, input, 'input');
  const asOf = asOfDate(options);
  const document = versionInForce(majorHazardDocumentId, asOf);
  if (!document) {
    return {
      calculator: 'major-hazard-installation',
      asOf,
      status: 'unknown',
      result: { units: [], majorHazardUnits: null, highestGrade: null },
      missing: [`document:${majorHazardDocumentId}`],
      reasons: [noVersionReason(majorHazardDocumentId, asOf)],
      citations: [],
    };
  }
  const named = requireDataset(document, 'namedChemicals').rows;
  const categories = new Map(requireDataset(document, 'hazardCategories').rows.map((row) => [String(row.symbol), row]));
  const toxicGasBeta = requireDataset(document, 'betaToxicGases').rows;
  const categoryBeta = new Map(requireDataset(document, 'betaCategories').rows.map((row) => [String(row.symbol), String(row.beta)]));

  const issues: InputIssue[] = [];
  facts.units.forEach((unit, u) =>
    unit.substances.forEach((substance, s) => {
      const path = `input.units[${u}].substances[${s}]`;
      (substance.categories ?? []).forEach((symbol, c) => {
        if (!categories.has(symbol)) issues.push({ path: `${path}.categories[${c}]`, message: `expected a table 2 category symbol (${[...categories.keys()].join(', ')}), got ${JSON.stringify(symbol)}` });
      });
      if (substance.betaCategory !== undefined && !categories.has(substance.betaCategory)) {
        issues.push({ path: `${path}.betaCategory`, message: `expected a table 2 category symbol, got ${JSON.stringify(substance.betaCategory)}` });
      }
      if (substance.table1No !== undefined && !named.some((row) => row.no === substance.table1No)) {
        issues.push({ path: `${path}.table1No`, message: `expected a table 1 row number 1–${named.length}, got ${substance.table1No}` });
      }
      if (substance.chemical === undefined && substance.table1No === undefined && !substance.categories?.length) {
        issues.push({ path, message: 'expected a chemical, a table1No or its categories' });
      }
    }),
  );
  if (issues.length) throw new InputError(issues);

  const citations = new Citations();
  const reasons: Bilingual[] = [];
  const missing: string[] = [];
  const limit = parameterValue(document, 'identificationLimit');
  citations.add(document, '4.2.1');
  const alphaTable = requireTable(document, 'alphaByResidents');
  const gradeTable = requireTable(document, 'gradeByR');
  const alphaValues = alphaTable.bands.map((band) => toRational(band.value));
  const alphaKnown = facts.residentsWithin500m === undefined ? undefined : lookupBand(alphaTable, toRational(facts.residentsWithin500m));
  const supervision = versionInForce(majorHazardSupervisionDocumentId, asOf);

  const units: UnitResult[] = facts.units.map((unit, u) => {
    const unitName = unit.name ?? `#${u + 1}`;
    const unitMissing: string[] = [];
    const ratios: (Rational | null)[] = [];
    const weighted: (Rational | null)[] = [];
    const members: { ratio: Rational | null; inTable3: boolean; symbols: string[]; substance: Record<string, unknown> }[] = [];
    const substances: SubstanceResult[] = unit.substances.map((substance, s) => {
      const path = `input.units[${u}].substances[${s}]`;
      const resolved = resolveChemical(named, substance.chemical, substance.table1No);
      const row = resolved.row;
      const symbols = substance.categories ?? [];
      let threshold: Rational | null = null;
      let thresholdSource: string | null = null;
      if (resolved.ambiguous.length) {
        unitMissing.push(`${path}.table1No`);
        reasons.push({
          zh: `${substance.chemical} 对应表1多行（${resolved.ambiguous.map((r) => `${String(r.no)} ${String(r.nameZh)}`).join('；')}），临界量不同，须指明表1序号。`,
          en: `${substance.chemical} matches several table 1 rows (${resolved.ambiguous.map((r) => String(r.no)).join(', ')}) with different thresholds; give the table 1 row number.`,
        });
      } else if (row) {
        threshold = toRational(String(row.thresholdTonnes));
        thresholdSource = `表1第${String(row.no)}行`;
        citations.add(document, '4.1.2 表1');
      } else if (symbols.length) {
        // 4.1.2 b): a chemical outside table 1 with several hazards takes the lowest threshold.
        const candidates = symbols.map((symbol) => ({ symbol, q: toRational(String(categories.get(symbol)?.thresholdTonnes)) }));
        const lowest = candidates.reduce((best, next) => (compare(next.q, best.q) < 0 ? next : best));
        threshold = lowest.q;
        thresholdSource = `表2 ${lowest.symbol}`;
        citations.add(document, '4.1.2 表2');
        if (candidates.length > 1) {
          reasons.push({
            zh: `${substance.chemical ?? path} 不在表1，属 ${symbols.join('、')}，取最低临界量 ${show(lowest.q)} t（${lowest.symbol}，4.1.2 b）。`,
            en: `${substance.chemical ?? path} is not in table 1 and falls in ${symbols.join(', ')}: the lowest threshold ${show(lowest.q)} t (${lowest.symbol}) applies (4.1.2 b).`,
          });
        }
      } else {
        unitMissing.push(`${path}.categories`);
        reasons.push({
          zh: `${substance.chemical ?? path} 不在表1（名称须与表1行名、别名或CAS号一致），须给出表2类别以确定临界量。`,
          en: `${substance.chemical ?? path} is not in table 1 (the name must match a row name, alias or CAS number); its table 2 categories are needed for the threshold.`,
        });
      }

      // β: table 3 for the 14 named toxic gases, otherwise table 4 by category (4.3.3).
      const gas = toxicGasBeta.find((candidate) => (row ? candidate.table1No === row.no : substance.chemical !== undefined && normalise(String(candidate.nameZh)) === normalise(substance.chemical)));
      let beta: Rational | null = null;
      let betaSource: string | null = null;
      if (gas) {
        beta = toRational(String(gas.beta));
        betaSource = `表3 ${String(gas.nameZh)}`;
        citations.add(document, '4.3.3 表3');
        if (gas.table1Reading === 'interpretation') {
          reasons.push({
            zh: `${String(row?.nameZh ?? substance.chemical)} 按表3“${String(gas.nameZh)}”取 β=${String(gas.beta)}（把一氧化碳的 β 用于煤气类混合物属解释，digest 标注）。`,
            en: `${String(row?.nameZh ?? substance.chemical)} takes β = ${String(gas.beta)} from table 3 (${String(gas.nameEnGloss)}): applying it to coal-gas mixtures is an interpretation the digest flags.`,
          });
        }
      } else if (substance.betaCategory) {
        beta = toRational(categoryBeta.get(substance.betaCategory) ?? '1');
        betaSource = `表4 ${substance.betaCategory}（指定）`;
        citations.add(document, '4.3.3 表4');
      } else if (symbols.length) {
        const options = symbols.map((symbol) => ({ symbol, beta: toRational(categoryBeta.get(symbol) ?? '1') }));
        const largest = options.reduce((best, next) => (compare(next.beta, best.beta) > 0 ? next : best));
        beta = largest.beta;
        betaSource = `表4 ${largest.symbol}`;
        citations.add(document, '4.3.3 表4');
        if (options.length > 1) {
          reasons.push({
            zh: `${substance.chemical ?? path} 属多个类别（${options.map((o) => `${o.symbol} β=${show(o.beta)}`).join('，')}）：标准未规定取哪一个，按 digest 所列做法取最大 β=${show(largest.beta)}（${largest.symbol}）；可用 betaCategory 指定。`,
            en: `${substance.chemical ?? path} has several categories (${options.map((o) => `${o.symbol} β=${show(o.beta)}`).join(', ')}): the standard does not say which β applies; following the practice the digest names we take the largest, β = ${show(largest.beta)} (${largest.symbol}); set betaCategory to choose another.`,
          });
        }
      } else if (row) {
        unitMissing.push(`${path}.categories`);
        reasons.push({
          zh: `${String(row.nameZh)} 在表1但不在表3：β 须按表4由其危险类别确定，未给出类别（标准未另行规定，digest 标注）。`,
          en: `${String(row.nameZh)} is in table 1 but not in table 3: β comes from table 4 by its hazard category, which was not given (the standard says no more; flagged by the digest).`,
        });
      }

      const quantity = substance.quantityTonnes === undefined ? null : toRational(substance.quantityTonnes);
      if (quantity === null) unitMissing.push(`${path}.quantityTonnes`);
      const ratio = quantity !== null && threshold !== null ? divide(quantity, threshold) : null;
      ratios.push(ratio);
      weighted.push(ratio !== null && beta !== null ? multiply(beta, ratio) : null);

      members.push({ ratio, inTable3: Boolean(gas), symbols, substance });
      return {
        chemical: row ? String(row.nameZh) : (substance.chemical ?? null),
        table1No: row ? Number(row.no) : null,
        thresholdTonnes: threshold ? show(threshold) : null,
        thresholdSource,
        quantityTonnes: quantity ? show(quantity) : null,
        ratio: ratio ? show(ratio) : null,
        beta: beta ? show(beta) : null,
        betaSource,
      };
    });

    const knownRatios = ratios.filter((ratio): ratio is Rational => ratio !== null);
    const knownS = sum(knownRatios);
    const complete = knownRatios.length === ratios.length;
    // S only grows with more chemicals (q ≥ 0), so a known part reaching 1 decides it.
    const reached = compare(knownS, limit) >= 0;
    const isMajorHazard: boolean | null = reached ? true : complete ? false : null;
    const S = complete ? knownS : null;
    const kindZh = unit.kind === 'production' ? '生产单元' : '储存单元';
    reasons.push(
      S
        ? {
            zh: `${kindZh} ${unitName}：S = Σq/Q = ${substances.map((x) => `${x.quantityTonnes}/${x.thresholdTonnes}`).join(' + ')} = ${show(S)}，${isMajorHazard ? '≥ 1，构成重大危险源' : '< 1，不构成重大危险源'}（4.2.1，精确计算）。`,
            en: `${unit.kind} unit ${unitName}: S = Σ q/Q = ${show(S)}, ${isMajorHazard ? '≥ 1: a major hazard installation' : '< 1: not a major hazard installation'} (4.2.1, exact).`,
          }
        : reached
          ? { zh: `${kindZh} ${unitName}：已知部分 S ≥ ${show(knownS)} ≥ 1，构成重大危险源。`, en: `${unit.kind} unit ${unitName}: the known part alone gives S ≥ ${show(knownS)} ≥ 1: a major hazard installation.` }
          : { zh: `${kindZh} ${unitName}：已知部分 S = ${show(knownS)} < 1，其余未知，无法判定。`, en: `${unit.kind} unit ${unitName}: the known part gives S = ${show(knownS)} < 1; the rest is unknown.` },
    );

    let alpha: Rational | null = null;
    let R: Rational | null = null;
    let grade: 1 | 2 | 3 | 4 | null = null;
    const allWeighted = weighted.every((value) => value !== null);
    if (isMajorHazard && allWeighted) {
      const inner = sum(weighted as Rational[]);
      citations.add(document, '4.3.2');
      citations.add(document, '4.3.5 表6');
      if (alphaKnown) {
        alpha = toRational(alphaKnown.value);
        R = multiply(alpha, inner);
        grade = Number(lookupBand(gradeTable, R)?.value) as 1 | 2 | 3 | 4;
        citations.add(document, '4.3.4 表5');
        reasons.push({
          zh: `${unitName}：α=${show(alpha)}（厂区边界外500 m 内常住 ${facts.residentsWithin500m} 人，表5），R = α·Σβq/Q = ${show(alpha)} × ${show(inner)} = ${show(R)} → ${gradeNames[grade]?.zh}（表6：R≥100 一级，50≤R<100 二级，10≤R<50 三级，R<10 四级）。`,
          en: `${unitName}: α = ${show(alpha)} (${facts.residentsWithin500m} residents within 500 m, table 5), R = α·Σ β·q/Q = ${show(alpha)} × ${show(inner)} = ${show(R)} → ${gradeNames[grade]?.en} (table 6).`,
        });
      } else {
        // α lies between the table's smallest and largest value: if both ends give one grade, it is decided.
        const grades = [alphaValues.reduce((a, b) => (compare(a, b) < 0 ? a : b)), alphaValues.reduce((a, b) => (compare(a, b) > 0 ? a : b))].map(
          (value) => Number(lookupBand(gradeTable, multiply(value, inner))?.value) as 1 | 2 | 3 | 4,
        );
        if (grades[0] === grades[1]) {
          grade = grades[0] ?? null;
          reasons.push({
            zh: `${unitName}：未给出周边常住人口，但 α 取表5任何值 R 都落在${gradeNames[grade ?? 4]?.zh}。`,
            en: `${unitName}: residents not given, but every α of table 5 puts R in ${gradeNames[grade ?? 4]?.en}.`,
          });
        } else unitMissing.push('input.residentsWithin500m');
      }
    } else if (isMajorHazard && !allWeighted && !unitMissing.length) {
      unitMissing.push(`input.units[${u}].substances`);
    }
    if (isMajorHazard !== false) missing.push(...unitMissing);

    const duties: DutyResult[] = [];
    if (grade !== null && supervision) {
      const rows = requireDataset(supervision, 'gradeDuties').rows;
      const qraLimit = parameterValue(supervision, 'qraRatioSumLimit');
      const classes = requireDataset(supervision, 'ratioSumClasses').rows;
      // Σ q/Q over the chemicals of one class (toxic gases; explosives or liquefied flammable gas): three-valued.
      const ratioSum = (condition: string): boolean | null => {
        const spec = classes.find((candidate) => candidate.condition === condition);
        if (!spec) return null;
        const categoriesOfClass = splitList(spec.categories);
        let total: Rational = { n: 0n, d: 1n };
        let complete = true;
        for (const member of members) {
          const fact = typeof spec.fact === 'string' ? member.substance[spec.fact] : undefined;
          const belongs = (spec.table3 === true && member.inTable3) || member.symbols.some((symbol) => categoriesOfClass.includes(symbol)) || fact === true;
          // Categories settle membership unless the class also hangs on a fact the standard does not record.
          const known = belongs || (typeof spec.fact === 'string' ? fact === false : member.inTable3 || member.symbols.length > 0);
          if (belongs && member.ratio) total = add(total, member.ratio);
          else if (belongs || !known) complete = false;
        }
        return compare(total, qraLimit) >= 0 ? true : complete ? false : null;
      };
      for (const row of rows) {
        if (!splitList(String(row.grades).replace(/,/g, ';')).includes(String(grade))) continue;
        let applies: boolean | null = true;
        if (row.condition === 'involvesToxicGasLiquefiedGasOrHighlyToxicLiquid') applies = unit.involvesToxicGasLiquefiedGasOrHighlyToxicLiquid ?? null;
        else if (typeof row.condition === 'string') applies = ratioSum(row.condition);
        duties.push({ id: String(row.id), duty: { zh: String(row.zh), en: String(row.en) }, applies, citation: String(row.citation) });
        citations.add(supervision, String(row.citation));
      }
    }

    return {
      name: unitName,
      kind: unit.kind,
      S: S ? show(S) : null,
      isMajorHazard,
      alpha: alpha ? show(alpha) : null,
      R: R ? show(R) : null,
      grade,
      substances,
      duties,
    };
  });

  if (facts.units.some((unit) => unit.kind === 'production') && facts.units.some((unit) => unit.kind === 'storage')) {
    reasons.push({
      zh: '生产单元与储存单元分别辨识、分别计算 S 和 R，不相加（4.1.1、3.5、3.6）。',
      en: 'Production and storage units are identified separately: S and R are never added across units (4.1.1, 3.5, 3.6).',
    });
  }
  const decided = units.every((unit) => unit.isMajorHazard === false || (unit.isMajorHazard === true && unit.grade !== null));
  const grades = units.map((unit) => unit.grade).filter((grade): grade is 1 | 2 | 3 | 4 => grade !== null);
  return {
    calculator: 'major-hazard-installation',
    asOf,
    status: decided ? 'decided' : 'unknown',
    result: {
      units,
      majorHazardUnits: units.every((unit) => unit.isMajorHazard !== null) ? units.filter((unit) => unit.isMajorHazard).length : null,
      highestGrade: decided && grades.length ? (Math.min(...grades) as 1 | 2 | 3 | 4) : null,
    },
    missing: decided ? [] : [...new Set(missing)],
    reasons,
    citations: citations.list(),
  };
};

