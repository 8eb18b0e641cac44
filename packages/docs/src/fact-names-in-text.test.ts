// factNamesAsLabels puts labels where a Chinese note names a fact, and touches nothing else.
import { describe, expect, it } from 'vitest';
import { factNamesAsLabels } from './fact-names-in-text.js';

const labels: Record<string, string> = { industry: '所属行业', specialTopics: '涉及的专项领域' };
const label = (fact: string) => labels[fact];

describe('factNamesAsLabels', () => {
  it('replaces fact names in the Chinese text with their labels', () => {
    expect(factNamesAsLabels({ zh: '只适用本行业条款（事实 industry）；可同时适用多项（事实 specialTopics）。', en: 'fact industry' }, label)).toEqual({
      zh: '只适用本行业条款（事实 “所属行业”）；可同时适用多项（事实 “涉及的专项领域”）。',
      en: 'fact industry',
    });
  });

  it('leaves other words, parts of longer words and unlabelled names alone', () => {
    const text = { zh: 'GB 18218 中的 industryCode、lightindustry 与 pre-industry 不是事实', en: '' };
    expect(factNamesAsLabels(text, label).zh).toBe(text.zh);
  });
});
