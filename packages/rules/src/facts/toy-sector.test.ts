// Adding a sector is data only: a made-up sector written as JSON in a copy of rules-data (facts.json, one
// document with a shared condition and no facts lists) is listed, typed by its vocabulary and assessed.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const workspaceRulesData = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'rules-data');
const bilingual = (zh: string, en: string) => ({ zh, en });

// A fictitious sector: its names and figures are test data, not law.
const toyFacts = {
  sector: 'toy-workshop',
  facts: {
    dustConcentrationMgPerM3: { kind: 'quantity', unit: 'mg/m³', label: bilingual('作业场所粉尘浓度', 'dust concentration at the workplace') },
    extractionInstalled: { kind: 'observed', label: bilingual('已安装除尘系统', 'a dust extraction system is installed'), sentence: { yes: '已安装除尘系统', no: '未安装除尘系统' } },
    workshopKind: { kind: 'oneOf', options: { wood: '木材加工', metal: '金属打磨' }, label: bilingual('车间类型', 'kind of workshop') },
  },
};

const toyDocument = {
  id: 'toy-workshop-criteria',
  version: '2024',
  sector: 'toy-workshop',
  kind: 'major-hazard-criteria',
  title: bilingual('示例车间判定标准（测试数据）', 'Toy workshop criteria (test data)'),
  issuer: bilingual('测试', 'test'),
  number: 'TEST-1',
  issued: null,
  effectiveFrom: '2024-01-01',
  effectiveTo: null,
  replaces: null,
  replacedBy: null,
  itemsAvailable: true,
  source: { digest: 'none', index: null },
  boundaryConvention: bilingual('以上含本数。', '"or more" includes the number.'),
  sharedConditions: {
    'dusty-wood-workshop': {
      label: bilingual('木材加工车间', 'a wood workshop'),
      conditions: { fact: 'workshopKind', operator: 'equal', value: 'wood' },
    },
  },
  categories: [{ id: 'dust', title: bilingual('粉尘', 'dust') }],
  rules: [
    {
      id: 'toy-workshop-2024-1',
      citation: { article: 1, item: null, label: '第一条', indexLabel: 'Art.1' },
      category: 'dust',
      title: bilingual('木材车间未装除尘', 'wood workshop without extraction'),
      verified: true,
      conditions: { all: [{ condition: 'dusty-wood-workshop' }, { fact: 'extractionInstalled', operator: 'equal', value: false }] },
    },
    {
      id: 'toy-workshop-2024-2',
      citation: { article: 2, item: null, label: '第二条', indexLabel: 'Art.2' },
      category: 'dust',
      title: bilingual('木材车间粉尘浓度达到10以上', 'wood workshop dust at 10 or more'),
      verified: true,
      conditions: {
        all: [
          { condition: 'dusty-wood-workshop' },
          { fact: 'dustConcentrationMgPerM3', operator: 'threshold', value: { side: 'above', limit: '10', inclusive: true, unit: 'mg/m³' } },
        ],
      },
    },
  ],
};

let directory: string;

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'anquan-toy-sector-'));
  cpSync(workspaceRulesData, directory, { recursive: true });
  const listed = JSON.parse(readFileSync(join(directory, 'sectors.json'), 'utf8')) as { sectors: unknown[] };
  writeFileSync(join(directory, 'sectors.json'), JSON.stringify({ sectors: [...listed.sectors, { id: 'toy-workshop', title: bilingual('示例车间', 'Toy workshop') }] }));
  mkdirSync(join(directory, 'toy-workshop'));
  writeFileSync(join(directory, 'toy-workshop', 'facts.json'), JSON.stringify(toyFacts));
  writeFileSync(join(directory, 'toy-workshop', 'criteria-2024.json'), JSON.stringify(toyDocument));
  process.env.ANQUAN_RULES_DATA = directory;
});

afterAll(() => {
  delete process.env.ANQUAN_RULES_DATA;
  rmSync(directory, { recursive: true, force: true });
});

describe('a sector added as JSON alone', () => {
  it('is listed, and its facts schema comes from its facts.json', async () => {
    // Imported after ANQUAN_RULES_DATA is set: the package reads rules-data once, on first use.
    const rules = await import('../index.js');
    expect(rules.listSectors().map((sector) => sector.id)).toContain('toy-workshop');
    const schema = rules.factsSchema('toy-workshop', { asOf: '2025-01-01' }) as { properties: Record<string, { title?: string; sentence?: unknown }> };
    expect(Object.keys(schema.properties).sort()).toEqual(['dustConcentrationMgPerM3', 'extractionInstalled', 'workshopKind']);
    expect(schema.properties.extractionInstalled).toMatchObject({ title: '已安装除尘系统', sentence: { yes: '已安装除尘系统', no: '未安装除尘系统' } });
  });

  it('is assessed: the shared condition resolves, facts are derived, the threshold includes 10', async () => {
    const { assess, loadRuleDocuments } = await import('../index.js');
    const document = loadRuleDocuments().documents.find((candidate) => candidate.sector === 'toy-workshop')!;
    expect(document.rules.map((rule) => rule.facts)).toEqual([
      ['workshopKind', 'extractionInstalled'],
      ['workshopKind', 'dustConcentrationMgPerM3'],
    ]);
    const statuses = async (facts: Record<string, unknown>) =>
      Object.fromEntries((await assess('toy-workshop', facts, { asOf: '2025-01-01' })).findings.map((finding) => [finding.ruleId, finding.status]));
    expect(await statuses({ workshopKind: 'wood', extractionInstalled: false, dustConcentrationMgPerM3: 10 })).toEqual({
      'toy-workshop-2024-1': 'hazard',
      'toy-workshop-2024-2': 'hazard',
    });
    expect(await statuses({ workshopKind: 'wood', extractionInstalled: true, dustConcentrationMgPerM3: 9.99 })).toEqual({
      'toy-workshop-2024-1': 'clear',
      'toy-workshop-2024-2': 'clear',
    });
    expect(await statuses({ workshopKind: 'metal', dustConcentrationMgPerM3: 50 })).toEqual({ 'toy-workshop-2024-1': 'clear', 'toy-workshop-2024-2': 'clear' });
    expect(await statuses({ extractionInstalled: false })).toEqual({ 'toy-workshop-2024-1': 'unknown', 'toy-workshop-2024-2': 'unknown' });
    await expect(assess('toy-workshop', { dustConcentrationMgPerM3: 'lots' })).rejects.toThrow(/dustConcentrationMgPerM3/);
  });
});
