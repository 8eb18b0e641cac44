// documentName adds the version only where the title does not already carry it.
import { loadRuleDocuments } from '@anquan/rules';
import { describe, expect, it } from 'vitest';
import { documentName } from './document-name.js';

const title = (zh: string) => ({ zh, en: zh });

describe('documentName', () => {
  it('adds the version to a title that has no year', () => {
    expect(documentName({ title: title('企业安全生产费用提取和使用管理办法'), version: '2022' })).toBe('企业安全生产费用提取和使用管理办法（2022版）');
  });

  it('leaves a title that already names the version as it is', () => {
    expect(documentName({ title: title('房屋市政工程生产安全重大事故隐患判定标准（2022版）'), version: '2022' })).toBe('房屋市政工程生产安全重大事故隐患判定标准（2022版）');
    expect(documentName({ title: title('危险化学品重大危险源辨识（GB 18218—2018）'), version: '2018' })).toBe('危险化学品重大危险源辨识（GB 18218—2018）');
  });

  it('names every rules-data document with its version exactly once', () => {
    const repeated = loadRuleDocuments()
      .documents.map((document) => ({ name: documentName(document), version: document.version }))
      .filter(({ name, version }) => name.split(version).length !== 2);
    expect(repeated).toEqual([]);
  });
});
