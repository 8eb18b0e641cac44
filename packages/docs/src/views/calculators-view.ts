// The calculators page: every calculator of @anquan/rules with its inputs, from the same catalogue the
// CLI (`anquan calc list`) and the HTTP API (GET /api/v1/calculators) read.
import { listCalculators } from '@anquan/rules';
import type { PageFrame } from '../render.js';

export const calculatorsPage = (): string => 'calculators.html';

const typeWords: Record<string, string> = { integer: '整数', number: '数值', string: '文本', boolean: '是/否', object: '对象', any: '任意' };

/** JSON Schema type words in Chinese; enumerated values stay as written (they are the values to send). */
const typeInChinese = (type: string): string =>
  type
    .split(' | ')
    .map((word) => (word.endsWith('[]') ? `${typeInChinese(word.slice(0, -2))}的列表` : (typeWords[word] ?? word)))
    .join(' 或 ');

export const calculatorsView = () => {
  const frame: PageFrame = { title: '计算器：输入项与用法', crumbs: [{ label: '计算器' }] };
  return {
    frame,
    view: {
      calculators: listCalculators().map((entry) => ({
        name: entry.name,
        title: entry.title,
        documentId: entry.documentId,
        inputs: entry.inputs.map((field) => ({ path: field.path, type: typeInChinese(field.type), required: field.required })),
      })),
    },
  };
};
