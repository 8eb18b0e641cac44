// GB 18218 major hazard installations: S = Σ q/Q per unit (production and storage units apart), the grading
// index R = α·Σ β·q/Q and its grade, and the grade-dependent duties of 40号令 — all exact, all from data.
import { z } from 'zod';
import type { Bilingual } from '../documents/format.js';
import { add, compare, divide, multiply, sum, toRational, type Rational } from '../exact/rational.js';
import { InputError, parseInput, type InputIssue } from '../validation/issues.js';
import type { LoadedDocument } from '../documents/load.js';
import { datasetRows } from './data.js';
import { deadline, deadlineReason, type Deadline } from './deadline.js';
import {
  categoryBetaRow,
  countThresholdRow,
  dateDutyRow,
  flammableLiquidCategoryRow,
  gradeDutyRow,
  hazardCategoryRow,
  namedChemicalRow,
  ratioSumClassRow,
  scopeSettingRow,
  toxicGasBetaRow,
} from './major-hazard-installation.data.js';
import {
  asOfDate,
  Citations,
  countInput,
  dateInput,
  decimalInput,
  isDecimalInput,
  lookupBand,
  noVersionReason,
  parameterValue,
  requireDataset,
  requireParameter,
  requireTable,
  show,
  versionInForce,
  type CalculatorOptions,
  type CalculatorDraft,
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
  /** A liquefied flammable gas (the 40号令 QRA limb for explosives or liquefied flammable gas). */
  liquefiedFlammableGas: z.boolean().optional(),
  /** Found in table 1 only by its name without the row's qualifier (甲醛 for 甲醛(含量>90%)): does the qualifier hold? */
  meetsTable1Qualifier: z.boolean().optional(),
  /** A mixture or solution (4.2.3). */
  isMixture: z.boolean().optional(),
  /** The mixture has the same hazard classes as its pure substance (4.2.3): then it counts as that substance, by its whole mass. */
  mixtureHazardSameAsPure: z.boolean().optional(),
  /** GHS flammable-liquid category 1, 2 or 3: with the operating conditions it picks W5.1–W5.4 of table 2. */
  flammableLiquidCategory: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
  workingTemperatureAboveBoilingPoint: z.boolean().optional(),
  /** A hazardous chemical process (危险化工工艺) is used. */
  hazardousChemicalProcess: z.boolean().optional(),
  /** Operated within or near the explosive limits. */
  operatesInOrNearExplosiveLimits: z.boolean().optional(),
  operatingPressureMPa: decimalInput.optional(),
});

type SubstanceInput = z.output<typeof substanceInput>;

// Validation fast path: a hundred chemicals through zod's strict objects and unions cost more than the
// whole computation, so each chemical is first checked by plain predicates that accept a subset of what
// the schema accepts (typed against its keys, so a new field cannot be forgotten). Anything they doubt goes
// through the full schema, whose errors name the field.
const nonEmptyText = (value: unknown): boolean => typeof value === 'string' && value.length > 0;
const yesNo = (value: unknown): boolean => typeof value === 'boolean';
const substanceChecks: { [K in keyof SubstanceInput]-?: (value: unknown) => boolean } = {
  chemical: nonEmptyText,
  table1No: (value) => Number.isSafeInteger(value) && (value as number) >= 1,
  categories: (value) => {
    if (!Array.isArray(value)) return false;
    for (let index = 0; index < value.length; index += 1) if (!nonEmptyText(value[index])) return false;
    return true;
  },
  betaCategory: nonEmptyText,
  quantityTonnes: isDecimalInput,
  liquefiedFlammableGas: yesNo,
  meetsTable1Qualifier: yesNo,
  isMixture: yesNo,
  mixtureHazardSameAsPure: yesNo,
  flammableLiquidCategory: (value) => value === 1 || value === 2 || value === 3,
  workingTemperatureAboveBoilingPoint: yesNo,
  hazardousChemicalProcess: yesNo,
  operatesInOrNearExplosiveLimits: yesNo,
  operatingPressureMPa: isDecimalInput,
};

/** Whether the schema surely accepts `value` as a chemical unchanged (false: let zod decide and explain). */
export const plainSubstance = (value: unknown): value is SubstanceInput => {
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) return false;
  for (const key in value) {
    if (!Object.hasOwn(substanceChecks, key)) return false;
    const field = (value as Record<string, unknown>)[key];
    if (field !== undefined && !substanceChecks[key as keyof SubstanceInput](field)) return false;
  }
  return true;
};

const unitInput = z.strictObject({
  name: z.string().min(1).optional(),
  kind: z.enum(['production', 'storage']),
  substances: z.array(substanceInput).min(1, 'expected at least one hazardous chemical').max(10_000, 'expected at most 10000 chemicals'),
  /** 40号令 monitoring duties: toxic gas, liquefied gas or highly toxic liquid involved. */
  involvesToxicGasLiquefiedGasOrHighlyToxicLiquid: z.boolean().optional(),
  /** Where the unit is (scope, chapter 1): one of the settings in the data; by default a unit of a hazardous-chemicals business. */
  setting: z.string().min(1).optional(),
});

const supervisionInput = z.strictObject({
  lastAssessmentDate: dateInput.optional(),
  reassessmentDate: dateInput.optional(),
  assessmentReportDate: dateInput.optional(),
  filingDate: dateInput.optional(),
  monitoringDataRetentionDays: countInput.optional(),
  accidentDeathsSinceAssessment: countInput.optional(),
  accidentInjuredSinceAssessment: countInput.optional(),
  accidentAffectedPublicSafety: z.boolean().optional(),
});

export const majorHazardInstallationInput = z.strictObject({
  /** Permanent residents within 500 m outside the plant boundary (table 5). */
  residentsWithin500m: countInput.optional(),
  units: z.array(unitInput).min(1, 'expected at least one unit').max(1000, 'expected at most 1000 units'),
  /** Dates and counts for the 40号令 duties: re-assessment, filing, monitoring data kept. */
  supervision: supervisionInput.optional(),
});
export type MajorHazardInstallationInput = z.input<typeof majorHazardInstallationInput>;

const quickInput = majorHazardInstallationInput.extend({
  units: z.array(unitInput.extend({ substances: z.array(z.custom<SubstanceInput>(plainSubstance)).min(1).max(10_000) })).min(1).max(1000),
});

/** The input checked by the fast path when it can vouch for every chemical, else by the full schema (which names the field at fault). */
export const parseMajorHazardInstallationInput = (input: unknown): z.output<typeof majorHazardInstallationInput> => {
  const quick = quickInput.safeParse(input);
  return quick.success ? quick.data : parseInput(majorHazardInstallationInput, input, 'input');
};

export interface SubstanceResult {
  chemical: string | null;
  table1No: number | null;
  /** How the name was found in table 1: its row name, an alias or listed name, a CAS number, or its unqualified name with the qualifier confirmed. */
  resolvedBy: 'table1No' | 'name' | 'unqualified-name' | null;
  categories: string[];
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
  /** false: the unit is outside the standard's scope (chapter 1) and is not identified at all. */
  inScope: boolean;
  S: string | null;
  isMajorHazard: boolean | null;
  alpha: string | null;
  R: string | null;
  grade: 1 | 2 | 3 | 4 | null;
  substances: SubstanceResult[];
  duties: DutyResult[];
}

export interface SupervisionResult {
  deadlines: Deadline[];
  /** A casualty count reached the re-assessment trigger (null: counts not given). */
  reassessmentTriggeredByAccident: boolean | null;
  /** Monitoring data kept long enough (null: not given). */
  monitoringRetentionCompliant: boolean | null;
}

export interface MajorHazardInstallationResult {
  units: UnitResult[];
  majorHazardUnits: number | null;
  highestGrade: 1 | 2 | 3 | 4 | null;
  supervision: SupervisionResult | null;
}

const normalise = (text: string): string =>
  text.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')').replace(/，/g, ',').replace(/［/g, '[').replace(/］/g, ']').toLowerCase();

const gradeNames: Record<number, Bilingual> = {
  1: { zh: '一级', en: 'grade 1' },
  2: { zh: '二级', en: 'grade 2' },
  3: { zh: '三级', en: 'grade 3' },
  4: { zh: '四级', en: 'grade 4' },
};

type NamedRow = z.output<typeof namedChemicalRow>;

export interface ChemicalIndex {
  rows: Map<number, NamedRow>;
  /** Each row's threshold, read once. */
  thresholds: Map<number, Rational>;
  /** Row name, aliases, names the row lists, CAS numbers → rows. */
  names: Map<string, number[]>;
  /** Name without a restricting qualifier (甲醛, 硝酸铵) → rows that carry the qualifier. */
  unqualified: Map<string, number[]>;
  /** Each name exactly as the data writes it → the same rows as its normalised form: most callers type it so. */
  asWritten: Map<string, number[]>;
}

const indexes = new WeakMap<LoadedDocument, ChemicalIndex>();

/** The table 1 name index of a GB 18218 version, built once: every name a person may type maps to its rows. */
export const chemicalIndex = (document: LoadedDocument): ChemicalIndex => {
  const cached = indexes.get(document);
  if (cached) return cached;
  const rows = datasetRows(document, 'namedChemicals', namedChemicalRow);
  const names = new Map<string, number[]>();
  const unqualified = new Map<string, number[]>();
  const put = (map: Map<string, number[]>, name: string, no: number): void => {
    const key = normalise(name);
    const list = map.get(key) ?? [];
    if (!list.includes(no)) list.push(no);
    map.set(key, list);
  };
  for (const row of rows) {
    for (const name of [row.nameZh, ...row.aliasesZh, ...row.listedNamesZh, ...row.cas]) put(names, name, row.no);
    if (row.baseNameZh) put(row.qualifierZh ? unqualified : names, row.baseNameZh, row.no);
  }
  const asWritten = new Map<string, number[]>();
  for (const row of rows) for (const name of [row.nameZh, ...row.aliasesZh, ...row.listedNamesZh, ...row.cas]) asWritten.set(name, names.get(normalise(name))!);
  const index = { rows: new Map(rows.map((row) => [row.no, row])), thresholds: new Map(rows.map((row) => [row.no, toRational(row.thresholdTonnes)])), names, unqualified, asWritten };
  indexes.set(document, index);
  return index;
};

export type ChemicalLookup =
  | { kind: 'row'; row: NamedRow; by: 'table1No' | 'name' | 'unqualified-name' }
  | { kind: 'ambiguous'; rows: NamedRow[] }
  | { kind: 'qualifier'; row: NamedRow }
  | { kind: 'not-in-table1'; candidates: NamedRow[] }
  | { kind: 'unknown-name' };

/** Finds a chemical in table 1 by row number or by any name in the index; a row met by its unqualified name needs its qualifier confirmed. */
export const lookupChemical = (index: ChemicalIndex, chemical: string | undefined, table1No?: number, meetsQualifier?: boolean): ChemicalLookup => {
  if (table1No !== undefined) {
    const row = index.rows.get(table1No);
    return row ? { kind: 'row', row, by: 'table1No' } : { kind: 'unknown-name' };
  }
  if (chemical === undefined) return { kind: 'unknown-name' };
  const written = index.asWritten.get(chemical);
  const key = written ? chemical : normalise(chemical);
  const exact = (written ?? index.names.get(key) ?? []).map((no) => index.rows.get(no)!);
  if (exact.length === 1) return { kind: 'row', row: exact[0]!, by: 'name' };
  if (exact.length > 1) return { kind: 'ambiguous', rows: exact };
  const qualified = (index.unqualified.get(key) ?? []).map((no) => index.rows.get(no)!);
  if (!qualified.length) return { kind: 'unknown-name' };
  if (meetsQualifier === false) return { kind: 'not-in-table1', candidates: qualified };
  if (qualified.length > 1) return { kind: 'ambiguous', rows: qualified };
  return meetsQualifier ? { kind: 'row', row: qualified[0]!, by: 'unqualified-name' } : { kind: 'qualifier', row: qualified[0]! };
};

const preparedCache = new WeakMap<LoadedDocument, ReturnType<typeof prepare>>();

/** Everything a GB 18218 version gives the calculator, read and indexed once per loaded document. */
const prepare = (document: LoadedDocument) => {
  const toxicGasBeta = datasetRows(document, 'betaToxicGases', toxicGasBetaRow);
  const alphaTable = requireTable(document, 'alphaByResidents');
  return {
    index: chemicalIndex(document),
    categories: new Map(datasetRows(document, 'hazardCategories', hazardCategoryRow).map((row) => [row.symbol, row])),
    gasByRow: new Map(toxicGasBeta.filter((gas) => gas.table1No !== null).map((gas) => [gas.table1No!, gas])),
    gasByName: new Map(toxicGasBeta.map((gas) => [normalise(gas.nameZh), gas])),
    categoryBeta: new Map(datasetRows(document, 'betaCategories', categoryBetaRow).map((row) => [row.symbol, row.beta])),
    flammableLiquid: datasetRows(document, 'flammableLiquidCategories', flammableLiquidCategoryRow),
    settings: new Map(datasetRows(document, 'scopeSettings', scopeSettingRow).map((row) => [row.setting, row])),
    table1: requireDataset(document, 'namedChemicals'),
    table2: requireDataset(document, 'hazardCategories'),
    pressureLimit: parameterValue(document, 'specialProcessPressureMPa'),
    limit: parameterValue(document, 'identificationLimit'),
    alphaTable,
    gradeTable: requireTable(document, 'gradeByR'),
    alphaValues: alphaTable.bands.map((band) => toRational(band.value)),
  };
};

const prepared = (document: LoadedDocument): ReturnType<typeof prepare> => {
  let found = preparedCache.get(document);
  if (!found) preparedCache.set(document, (found = prepare(document)));
  return found;
};

/** Figures from the data, read once each (data strings only: input is never memoised). */
const dataRationals = new Map<string, Rational>();
const dataRational = (text: string): Rational => {
  let found = dataRationals.get(text);
  if (!found) dataRationals.set(text, (found = toRational(text)));
  return found;
};

/** Whole numbers shown without the rounding arithmetic, which dominates a hundred-chemical unit. */
const display = (value: Rational): string => (value.d === 1n ? value.n.toString() : show(value));

/** Citations that skip the bookkeeping for a label already cited (each chemical cites its table again). */
class OnceCitations extends Citations {
  private readonly labels = new Map<LoadedDocument, Set<string>>();
  override add(document: LoadedDocument, label: string): void {
    let seen = this.labels.get(document);
    if (!seen) this.labels.set(document, (seen = new Set()));
    if (seen.has(label)) return;
    seen.add(label);
    super.add(document, label);
  }
}

type Three = boolean | null;
const anyOf = (values: Three[]): Three => (values.includes(true) ? true : values.includes(null) ? null : false);

export const majorHazardInstallation = (input: unknown, options?: CalculatorOptions): CalculatorDraft<MajorHazardInstallationResult> => {
  const facts = parseMajorHazardInstallationInput(input);
  const asOf = asOfDate(options);
  const document = versionInForce(majorHazardDocumentId, asOf);
  if (!document) {
    return {
      calculator: 'major-hazard-installation',
      asOf,
      status: 'unknown',
      result: { units: [], majorHazardUnits: null, highestGrade: null, supervision: null },
      missing: [`document:${majorHazardDocumentId}`],
      reasons: [noVersionReason(majorHazardDocumentId, asOf)],
      citations: [],
    };
  }
  const { index, categories, gasByRow, gasByName, categoryBeta, flammableLiquid, settings, table1, table2, pressureLimit, limit, alphaTable, gradeTable, alphaValues } = prepared(document);

  const issues: InputIssue[] = [];
  // Each chemical is looked up once: the validation pass keeps its answer for the computation.
  const lookups = facts.units.map((unit) => unit.substances.map((substance) => lookupChemical(index, substance.chemical, substance.table1No, substance.meetsTable1Qualifier)));
  facts.units.forEach((unit, u) => {
    if (unit.setting !== undefined && !settings.has(unit.setting)) {
      issues.push({ path: `input.units[${u}].setting`, message: `expected one of ${[...settings.keys()].join(', ')}, got ${JSON.stringify(unit.setting)}` });
    }
    unit.substances.forEach((substance, s) => {
      const path = `input.units[${u}].substances[${s}]`;
      (substance.categories ?? []).forEach((symbol, c) => {
        if (!categories.has(symbol)) issues.push({ path: `${path}.categories[${c}]`, message: `expected a table 2 category symbol (${[...categories.keys()].join(', ')}), got ${JSON.stringify(symbol)}` });
      });
      if (substance.betaCategory !== undefined && !categories.has(substance.betaCategory)) {
        issues.push({ path: `${path}.betaCategory`, message: `expected a table 2 category symbol, got ${JSON.stringify(substance.betaCategory)}` });
      }
      if (substance.table1No !== undefined && !index.rows.has(substance.table1No)) {
        issues.push({ path: `${path}.table1No`, message: `expected a table 1 row number 1–${index.rows.size}, got ${substance.table1No}` });
      }
      const describedByCategory = Boolean(substance.categories?.length) || substance.flammableLiquidCategory !== undefined;
      if (substance.chemical === undefined && substance.table1No === undefined && !describedByCategory) {
        issues.push({ path, message: 'expected a chemical, a table1No or its categories' });
      } else if (substance.chemical !== undefined && substance.table1No === undefined && !describedByCategory && lookups[u]![s]!.kind === 'unknown-name') {
        issues.push({ path: `${path}.chemical`, message: `expected a table 1 name, alias or CAS number (or, for a chemical outside table 1, its categories), got ${JSON.stringify(substance.chemical)}` });
      }
    });
  });
  if (issues.length) throw new InputError(issues);

  const citations = new OnceCitations();
  const reasons: Bilingual[] = [];
  const missing: string[] = [];
  const identification = requireParameter(document, 'identificationLimit').citation;
  citations.add(document, identification);
  const alphaKnown = facts.residentsWithin500m === undefined ? undefined : lookupBand(alphaTable, toRational(facts.residentsWithin500m));
  const supervision = versionInForce(majorHazardSupervisionDocumentId, asOf);

  const units: UnitResult[] = facts.units.map((unit, u) => {
    const unitName = unit.name ?? `#${u + 1}`;
    const kindZh = unit.kind === 'production' ? '生产单元' : '储存单元';
    const setting = settings.get(unit.setting ?? 'hazardous-chemicals-unit');
    if (setting && !setting.inScope) {
      citations.add(document, requireDataset(document, 'scopeSettings').citation);
      reasons.push({ zh: `${kindZh} ${unitName}：${setting.zh}，不按本标准辨识。`, en: `${unit.kind} unit ${unitName}: ${setting.en}; not identified under this standard.` });
      return { name: unitName, kind: unit.kind, inScope: false, S: null, isMajorHazard: null, alpha: null, R: null, grade: null, substances: [], duties: [] };
    }
    const unitMissing: string[] = [];
    const ratios: (Rational | null)[] = [];
    const weighted: (Rational | null)[] = [];
    const members: { ratio: Rational | null; inTable3: boolean; symbols: string[]; substance: Record<string, unknown> }[] = [];
    const substances: SubstanceResult[] = unit.substances.map((substance, s) => {
      const path = `input.units[${u}].substances[${s}]`;
      const label = substance.chemical ?? `${kindZh} ${unitName} 第${s + 1}种危险化学品`;
      // Table 2 categories: those given, plus the flammable-liquid category chosen from the operating conditions.
      const symbols = [...(substance.categories ?? [])];
      let categoryOpen = false;
      if (substance.flammableLiquidCategory !== undefined) {
        const category = String(substance.flammableLiquidCategory) as '1' | '2' | '3';
        const pressure = substance.operatingPressureMPa === undefined ? null : compare(toRational(substance.operatingPressureMPa), pressureLimit) > 0;
        const special = anyOf([substance.hazardousChemicalProcess ?? null, substance.operatesInOrNearExplosiveLimits ?? null, pressure]);
        const conditions: Record<string, { value: Three; fields: string[] }> = {
          workingTemperatureAboveBoilingPoint: { value: substance.workingTemperatureAboveBoilingPoint ?? null, fields: [`${path}.workingTemperatureAboveBoilingPoint`] },
          specialProcessConditions: {
            value: special,
            fields: [
              ...(substance.hazardousChemicalProcess === undefined ? [`${path}.hazardousChemicalProcess`] : []),
              ...(substance.operatesInOrNearExplosiveLimits === undefined ? [`${path}.operatesInOrNearExplosiveLimits`] : []),
              ...(pressure === null ? [`${path}.operatingPressureMPa`] : []),
            ],
          },
        };
        for (const row of flammableLiquid.filter((candidate) => candidate.ghsCategories.includes(category))) {
          const condition = row.condition ? conditions[row.condition] : undefined;
          if (condition?.value === false) continue;
          if (condition?.value === null) {
            categoryOpen = true;
            unitMissing.push(...condition.fields);
            reasons.push({ zh: `${label}：易燃液体类别${category}，是否属${row.symbol}（${row.zh}）取决于未给出的工作条件。`, en: `${label}: flammable liquid category ${category}; whether it is ${row.symbol} depends on operating conditions not given.` });
            break;
          }
          if (!symbols.includes(row.symbol)) symbols.push(row.symbol);
          reasons.push({ zh: `${label}：易燃液体类别${category}${row.condition === 'specialProcessConditions' ? `（操作压力界限 ${show(pressureLimit)} MPa，不含本数）` : ''} → ${row.symbol}（${row.zh}）。`, en: `${label}: flammable liquid category ${category} → ${row.symbol}.` });
          break;
        }
        citations.add(document, requireDataset(document, 'flammableLiquidCategories').citation);
      }

      let lookup = lookups[u]![s]!;
      if (substance.isMixture) {
        if (substance.mixtureHazardSameAsPure === undefined) {
          categoryOpen = true;
          unitMissing.push(`${path}.mixtureHazardSameAsPure`);
          reasons.push({ zh: `${label} 为混合物：须说明其危险类别是否与纯物质相同，才能确定临界量。`, en: `${label} is a mixture: whether its hazard classes match the pure substance decides the threshold.` });
          lookup = { kind: 'unknown-name' };
        } else if (!substance.mixtureHazardSameAsPure) {
          reasons.push({ zh: `${label} 为混合物，危险类别与纯物质不同：按混合物的危险类别查表2确定临界量。`, en: `${label} is a mixture with other hazard classes than the pure substance: its threshold comes from table 2 by its own categories.` });
          lookup = { kind: 'not-in-table1', candidates: [] };
        } else {
          reasons.push({ zh: `${label} 为混合物，危险类别与纯物质相同：按纯物质确定临界量，以混合物的整体量计。`, en: `${label} is a mixture with the pure substance's hazard classes: it counts as that substance, by the mixture's whole mass.` });
        }
        citations.add(document, '4.2.3');
      }

      const row = lookup.kind === 'row' ? lookup.row : undefined;
      let threshold: Rational | null = null;
      let thresholdSource: string | null = null;
      if (row) {
        threshold = index.thresholds.get(row.no)!;
        thresholdSource = `表1第${row.no}行`;
        citations.add(document, table1.citation);
        if (lookup.kind === 'row' && lookup.by === 'unqualified-name') {
          reasons.push({ zh: `${label} 按表1第${row.no}行“${row.nameZh}”计（已确认其限定条件：${row.qualifierZh}）。`, en: `${label} is table 1 row ${row.no} (its qualifier confirmed).` });
        }
      } else if (lookup.kind === 'ambiguous') {
        unitMissing.push(`${path}.table1No`);
        reasons.push({
          zh: `${label} 对应表1多行（${lookup.rows.map((r) => `第${r.no}行 ${r.nameZh}，临界量 ${r.thresholdTonnes} t`).join('；')}），须按含量、状态指明表1序号。`,
          en: `${label} matches several table 1 rows (${lookup.rows.map((r) => r.no).join(', ')}) with their own thresholds; give the table 1 row number.`,
        });
      } else if (lookup.kind === 'qualifier') {
        unitMissing.push(`${path}.meetsTable1Qualifier`);
        reasons.push({
          zh: `${label} 在表1第${lookup.row.no}行“${lookup.row.nameZh}”，仅限“${lookup.row.qualifierZh}”：须确认是否符合，符合取临界量 ${lookup.row.thresholdTonnes} t，否则按表2类别确定。`,
          en: `${label} is table 1 row ${lookup.row.no} only under its qualifier; confirm it (threshold ${lookup.row.thresholdTonnes} t) or give table 2 categories.`,
        });
      } else if (symbols.length) {
        if (lookup.kind === 'not-in-table1' && lookup.candidates.length) {
          reasons.push({ zh: `${label} 不符合表1相应行的限定条件（${lookup.candidates.map((r) => r.qualifierZh).join('；')}），按表2类别确定临界量。`, en: `${label} does not meet the qualifier of its table 1 rows; table 2 applies.` });
        }
        // A chemical outside table 1 with several hazards takes the lowest threshold.
        const candidates = symbols.map((symbol) => ({ symbol, q: dataRational(categories.get(symbol)!.thresholdTonnes) }));
        const lowest = candidates.reduce((best, next) => (compare(next.q, best.q) < 0 ? next : best));
        threshold = categoryOpen && candidates.length ? null : lowest.q;
        if (threshold) {
          thresholdSource = `表2 ${lowest.symbol}`;
          citations.add(document, table2.citation);
          if (candidates.length > 1) {
            reasons.push({
              zh: `${label} 不在表1，属 ${symbols.join('、')}，取其中最低临界量 ${show(lowest.q)} t（${lowest.symbol}）。`,
              en: `${label} is not in table 1 and falls in ${symbols.join(', ')}: the lowest threshold ${show(lowest.q)} t (${lowest.symbol}) applies.`,
            });
          }
        }
      } else if (!categoryOpen) {
        unitMissing.push(`${path}.categories`);
        reasons.push({ zh: `${label} 不在表1，须给出表2类别才能确定临界量。`, en: `${label} is not in table 1; its table 2 categories are needed for the threshold.` });
      }

      // β: table 3 for the named toxic gases, otherwise table 4 by category.
      const gas = row ? gasByRow.get(row.no) : substance.chemical !== undefined ? gasByName.get(normalise(substance.chemical)) : undefined;
      let beta: Rational | null = null;
      let betaSource: string | null = null;
      if (gas) {
        beta = dataRational(gas.beta);
        betaSource = `表3 ${gas.nameZh}`;
        citations.add(document, requireDataset(document, 'betaToxicGases').citation);
        if (gas.table1Reading === 'interpretation') {
          reasons.push({
            zh: `${row?.nameZh ?? label} 按表3“${gas.nameZh}”取 β=${gas.beta}（把该气体的 β 用于其混合物属解释，digest 标注）。`,
            en: `${row?.nameZh ?? label} takes β = ${gas.beta} from table 3 (${gas.nameEnGloss ?? gas.nameZh}): applying it to the mixtures is an interpretation the digest flags.`,
          });
        }
      } else if (substance.betaCategory) {
        beta = dataRational(categoryBeta.get(substance.betaCategory) ?? '1');
        betaSource = `表4 ${substance.betaCategory}（指定）`;
        citations.add(document, requireDataset(document, 'betaCategories').citation);
      } else if (symbols.length && !categoryOpen) {
        const choices = symbols.map((symbol) => ({ symbol, beta: dataRational(categoryBeta.get(symbol) ?? '1') }));
        const largest = choices.reduce((best, next) => (compare(next.beta, best.beta) > 0 ? next : best));
        beta = largest.beta;
        betaSource = `表4 ${largest.symbol}`;
        citations.add(document, requireDataset(document, 'betaCategories').citation);
        if (choices.length > 1) {
          reasons.push({
            zh: `${label} 属多个类别（${choices.map((o) => `${o.symbol} β=${show(o.beta)}`).join('，')}）：标准未规定取哪一个，按本库资料所列做法取最大 β=${show(largest.beta)}（${largest.symbol}）；可用 betaCategory 指定。`,
            en: `${label} has several categories (${choices.map((o) => `${o.symbol} β=${show(o.beta)}`).join(', ')}): the standard does not say which β applies; following the practice the digest names we take the largest, β = ${show(largest.beta)} (${largest.symbol}); set betaCategory to choose another.`,
          });
        }
      } else if (row) {
        unitMissing.push(`${path}.categories`);
        reasons.push({
          zh: `${row.nameZh} 在表1但不在表3：β 须按表4由其危险类别确定，未给出类别（标准未另行规定，digest 标注）。`,
          en: `${row.nameZh} is in table 1 but not in table 3: β comes from table 4 by its hazard category, which was not given (the standard says no more; flagged by the digest).`,
        });
      }

      const quantity = substance.quantityTonnes === undefined ? null : toRational(substance.quantityTonnes);
      if (quantity === null) unitMissing.push(`${path}.quantityTonnes`);
      const ratio = quantity !== null && threshold !== null ? divide(quantity, threshold) : null;
      ratios.push(ratio);
      weighted.push(ratio !== null && beta !== null ? multiply(beta, ratio) : null);

      members.push({ ratio, inTable3: Boolean(gas), symbols, substance });
      return {
        chemical: row ? row.nameZh : (substance.chemical ?? null),
        table1No: row ? row.no : null,
        resolvedBy: lookup.kind === 'row' ? lookup.by : null,
        categories: symbols,
        thresholdTonnes: threshold ? display(threshold) : null,
        thresholdSource,
        quantityTonnes: quantity ? display(quantity) : null,
        ratio: ratio ? display(ratio) : null,
        beta: beta ? display(beta) : null,
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
    reasons.push(
      S
        ? {
            zh: `${kindZh} ${unitName}：S = Σq/Q = ${substances.map((x) => `${x.quantityTonnes}/${x.thresholdTonnes}`).join(' + ')} = ${show(S)}，${isMajorHazard ? `≥ ${show(limit)}，构成重大危险源` : `< ${show(limit)}，不构成重大危险源`}（精确计算）。`,
            en: `${unit.kind} unit ${unitName}: S = Σ q/Q = ${show(S)}, ${isMajorHazard ? `≥ ${show(limit)}: a major hazard installation` : `< ${show(limit)}: not a major hazard installation`} (exact).`,
          }
        : reached
          ? { zh: `${kindZh} ${unitName}：已知部分 S ≥ ${show(knownS)} ≥ ${show(limit)}，构成重大危险源。`, en: `${unit.kind} unit ${unitName}: the known part alone gives S ≥ ${show(knownS)}: a major hazard installation.` }
          : { zh: `${kindZh} ${unitName}：已知部分 S = ${show(knownS)} < ${show(limit)}，其余未知，无法判定。`, en: `${unit.kind} unit ${unitName}: the known part gives S = ${show(knownS)}; the rest is unknown.` },
    );

    let alpha: Rational | null = null;
    let R: Rational | null = null;
    let grade: 1 | 2 | 3 | 4 | null = null;
    const allWeighted = weighted.every((value) => value !== null);
    if (isMajorHazard && allWeighted) {
      const inner = sum(weighted as Rational[]);
      citations.add(document, gradeTable.citation);
      const bands = gradeTable.bands.map((band) => `${gradeNames[Number(band.value)]?.zh} ${band.from === null ? '' : `R${band.fromInclusive ? '≥' : '>'}${band.from}`}${band.from !== null && band.to !== null ? '且' : ''}${band.to === null ? '' : `R${band.toInclusive ? '≤' : '<'}${band.to}`}`).join('，');
      if (alphaKnown) {
        alpha = toRational(alphaKnown.value);
        R = multiply(alpha, inner);
        grade = Number(lookupBand(gradeTable, R)?.value) as 1 | 2 | 3 | 4;
        citations.add(document, alphaTable.citation);
        reasons.push({
          zh: `${unitName}：α=${show(alpha)}（厂区边界外 ${String(requireParameter(document, 'residentsRadiusM').value)} m 内常住 ${facts.residentsWithin500m} 人），R = α·Σβq/Q = ${show(alpha)} × ${show(inner)} = ${show(R)} → ${gradeNames[grade]?.zh}（${bands}）。`,
          en: `${unitName}: α = ${show(alpha)} (${facts.residentsWithin500m} residents), R = α·Σ β·q/Q = ${show(alpha)} × ${show(inner)} = ${show(R)} → ${gradeNames[grade]?.en}.`,
        });
      } else {
        // α lies between the table's smallest and largest value: the grades at both ends bound the grade.
        const grades = [alphaValues.reduce((a, b) => (compare(a, b) < 0 ? a : b)), alphaValues.reduce((a, b) => (compare(a, b) > 0 ? a : b))].map(
          (value) => Number(lookupBand(gradeTable, multiply(value, inner))?.value) as 1 | 2 | 3 | 4,
        );
        if (grades[0] === grades[1]) {
          grade = grades[0] ?? null;
          reasons.push({
            zh: `${unitName}：未给出周边常住人口，但 α 取表5任何值 R 都落在${gradeNames[grade ?? 4]?.zh}。`,
            en: `${unitName}: residents not given, but every α of table 5 puts R in ${gradeNames[grade ?? 4]?.en}.`,
          });
        } else {
          unitMissing.push('input.residentsWithin500m');
          reasons.push({
            zh: `${unitName}：未给出周边常住人口，按表5 α 的取值范围，分级在${gradeNames[grades[1]!]?.zh}至${gradeNames[grades[0]!]?.zh}之间；给出常住人口可确定。`,
            en: `${unitName}: residents not given; over table 5's α the grade lies between ${gradeNames[grades[1]!]?.en} and ${gradeNames[grades[0]!]?.en}.`,
          });
        }
      }
    } else if (isMajorHazard && !allWeighted && !unitMissing.length) {
      unitMissing.push(`input.units[${u}].substances`);
    }
    if (isMajorHazard !== false) missing.push(...unitMissing);

    const duties: DutyResult[] = [];
    if (grade !== null && supervision) {
      const rows = datasetRows(supervision, 'gradeDuties', gradeDutyRow);
      const qraLimit = parameterValue(supervision, 'qraRatioSumLimit');
      const classes = datasetRows(supervision, 'ratioSumClasses', ratioSumClassRow);
      // Σ q/Q over the chemicals of one class (toxic gases; explosives or liquefied flammable gas): three-valued.
      const ratioSum = (condition: string): boolean | null => {
        const spec = classes.find((candidate) => candidate.condition === condition);
        if (!spec) return null;
        let total: Rational = { n: 0n, d: 1n };
        let known = true;
        for (const member of members) {
          const fact = spec.fact ? member.substance[spec.fact] : undefined;
          const belongs = (spec.table3 && member.inTable3) || member.symbols.some((symbol) => spec.categories.includes(symbol)) || fact === true;
          // Categories settle membership unless the class also hangs on a fact the standard does not record.
          const settled = belongs || (spec.fact ? fact === false : member.inTable3 || member.symbols.length > 0);
          if (belongs && member.ratio) total = add(total, member.ratio);
          else if (belongs || !settled) known = false;
        }
        return compare(total, qraLimit) >= 0 ? true : known ? false : null;
      };
      for (const row of rows) {
        if (!row.grades.includes(grade)) continue;
        let applies: boolean | null = true;
        if (row.condition === 'involvesToxicGasLiquefiedGasOrHighlyToxicLiquid') applies = unit.involvesToxicGasLiquefiedGasOrHighlyToxicLiquid ?? null;
        else if (row.condition) applies = ratioSum(row.condition);
        duties.push({ id: row.id, duty: { zh: row.zh, en: row.en }, applies, citation: row.citation });
        citations.add(supervision, row.citation);
      }
    }

    return { name: unitName, kind: unit.kind, inScope: true, S: S ? show(S) : null, isMajorHazard, alpha: alpha ? show(alpha) : null, R: R ? show(R) : null, grade, substances, duties };
  });

  if (facts.units.some((unit) => unit.kind === 'production') && facts.units.some((unit) => unit.kind === 'storage')) {
    reasons.push({ zh: '生产单元与储存单元分别辨识、分别计算 S 和 R，不相加。', en: 'Production and storage units are identified separately: S and R are never added across units.' });
  }

  const supervisionResult = facts.supervision && supervision ? supervisionDuties(supervision, facts.supervision, asOf, reasons, citations) : null;

  const decided = units.every((unit) => !unit.inScope || unit.isMajorHazard === false || (unit.isMajorHazard === true && unit.grade !== null));
  const grades = units.map((unit) => unit.grade).filter((grade): grade is 1 | 2 | 3 | 4 => grade !== null);
  return {
    calculator: 'major-hazard-installation',
    asOf,
    status: decided ? 'decided' : 'unknown',
    result: {
      units,
      majorHazardUnits: units.every((unit) => !unit.inScope || unit.isMajorHazard !== null) ? units.filter((unit) => unit.isMajorHazard).length : null,
      highestGrade: decided && grades.length ? (Math.min(...grades) as 1 | 2 | 3 | 4) : null,
      supervision: supervisionResult,
    },
    missing: decided ? [] : [...new Set(missing)],
    reasons,
    citations: citations.list(),
  };
};

/** The 40号令 duties that hang on dates and counts: re-assessment, filing, casualties, monitoring data kept. */
const supervisionDuties = (
  document: LoadedDocument,
  given: z.output<typeof majorHazardInstallationInput>['supervision'] & object,
  asOf: string,
  reasons: Bilingual[],
  citations: Citations,
): SupervisionResult => {
  const deadlines: Deadline[] = [];
  for (const row of datasetRows(document, 'dateDuties', dateDutyRow)) {
    const from = given[row.from];
    if (from === undefined) continue;
    const parameter = requireParameter(document, row.parameter);
    const unit = parameter.unit === 'years' ? 'years' : parameter.unit === 'months' ? 'months' : 'd';
    const verdict = deadline({ id: row.id, duty: { zh: row.zh, en: row.en }, amount: Number(parameter.value), unit, dueDateIncluded: row.lastDayIncluded, citation: parameter.citation }, from, given[row.done], asOf);
    deadlines.push(verdict);
    reasons.push(deadlineReason(verdict));
    citations.add(document, parameter.citation);
  }
  const reached = (row: z.output<typeof countThresholdRow>): boolean | null => {
    const value = given[row.input];
    if (value === undefined) return null;
    const c = compare(toRational(value), parameterValue(document, row.parameter));
    citations.add(document, requireParameter(document, row.parameter).citation);
    return c > 0 || (c === 0 && row.inclusive);
  };
  const thresholds = datasetRows(document, 'countThresholds', countThresholdRow);
  const trigger = anyOf([...thresholds.filter((row) => row.effect === 'reassessment').map(reached), given.accidentAffectedPublicSafety ?? null]);
  const anyCountGiven = thresholds.some((row) => row.effect === 'reassessment' && given[row.input] !== undefined) || given.accidentAffectedPublicSafety !== undefined;
  const reassessmentTriggeredByAccident = anyCountGiven ? trigger : null;
  if (reassessmentTriggeredByAccident !== null) {
    const limits = thresholds.filter((row) => row.effect === 'reassessment').map((row) => `${requireParameter(document, row.parameter).label.zh}：${String(requireParameter(document, row.parameter).value)}`).join('；');
    reasons.push(
      reassessmentTriggeredByAccident
        ? { zh: `评估后发生的危险化学品事故达到重新辨识、评估、分级的情形（${limits}）。`, en: 'An accident since the assessment requires re-identification, re-assessment and re-grading.' }
        : { zh: `评估后事故伤亡未达到重新评估的情形（${limits}）。`, en: 'Casualties since the assessment do not require re-assessment.' },
    );
  }
  const retention = thresholds.find((row) => row.effect === 'compliant');
  const monitoringRetentionCompliant = retention ? reached(retention) : null;
  if (retention && monitoringRetentionCompliant !== null) {
    const parameter = requireParameter(document, retention.parameter);
    reasons.push({
      zh: `监测监控数据保存 ${given.monitoringDataRetentionDays} 天，${parameter.label.zh} ${String(parameter.value)} 天${retention.inclusive ? '（含本数）' : ''} → ${monitoringRetentionCompliant ? '符合' : '不符合'}。`,
      en: `Monitoring data kept ${given.monitoringDataRetentionDays} days against ${String(parameter.value)} → ${monitoringRetentionCompliant ? 'complies' : 'does not comply'}.`,
    });
  }
  return { deadlines, reassessmentTriggeredByAccident, monitoringRetentionCompliant };
};
