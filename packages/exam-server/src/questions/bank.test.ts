import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { curatedBank, fromCsv, fromGift, parseCsv, toCsv, toGift, type TopicQuestion } from './bank.js';

const text = fc.string({ minLength: 4, maxLength: 40, unit: fc.constantFrom(...'安全生产法第条款,"\'{}=~#:\\\n 是否ABC12.%'.split('')) }).filter((value) => value.trim().length >= 4);
const question = fc.oneof(
  fc.record({ id: fc.stringMatching(/^[a-z]{3,8}-\d{1,4}$/), type: fc.constant('judgement' as const), stem: text, options: fc.constant([]), answer: fc.constantFrom(['T'], ['F']), explanation: fc.string({ maxLength: 30 }).map((value) => value.trim()), citation: text.map((value) => value.trim()) }),
  fc
    .record({ id: fc.stringMatching(/^[a-z]{3,8}-\d{1,4}$/), stem: text, texts: fc.uniqueArray(text.map((value) => value.trim()), { minLength: 4, maxLength: 4 }), right: fc.subarray([0, 1, 2, 3], { minLength: 1 }), citation: text.map((value) => value.trim()) })
    .map(({ id, stem, texts, right, citation }) => ({
      id,
      type: right.length > 1 ? ('multiple' as const) : ('single' as const),
      stem,
      options: texts.map((optionText, index) => ({ key: 'ABCD'[index]!, text: optionText })),
      answer: right.map((index) => 'ABCD'[index]!),
      explanation: '',
      citation,
    })),
);
const bank = fc.uniqueArray(question, { minLength: 1, maxLength: 8, selector: (item) => item.id }).map((questions) => questions.map((item): TopicQuestion => ({ topic: 'imported', question: { ...item, stem: item.stem.trim() } })));

describe('question bank import and export', () => {
  it('the curated bank loads, each question cited', () => {
    expect(curatedBank().length).toBeGreaterThan(15);
    for (const item of curatedBank()) expect(item.citation.text.length).toBeGreaterThan(0);
  });

  it('CSV round-trips any bank, quotes, commas and line breaks included', () => {
    fc.assert(
      fc.property(bank, (questions) => {
        expect(fromCsv(toCsv(questions), 'imported')).toEqual({ questions, issues: [] });
      }),
    );
  });

  it('GIFT round-trips any bank, GIFT special characters escaped', () => {
    fc.assert(
      fc.property(bank, (questions) => {
        expect(fromGift(toGift(questions), 'imported')).toEqual({ questions, issues: [] });
      }),
    );
  });

  it('parses quoted CSV fields as RFC 4180 says', () => {
    expect(parseCsv('a,"b,c","d ""e"""\r\n"x\ny",z,\n')).toEqual([['a', 'b,c', 'd "e"'], ['x\ny', 'z', '']]);
  });

  it('refuses a bank with a wrong row, naming the line and the field, and imports nothing', () => {
    const header = 'id,type,topic,stem,A,B,C,D,E,F,answer,explanation,citation';
    const result = fromCsv(`${header}\nq1,single,t,题干一二三,甲,乙,,,,,A,,依据\nq2,single,t,题干四五六,甲,乙,,,,,C,,依据\n`, 't');
    expect(result.questions).toEqual([]);
    expect(result.issues).toEqual([{ line: '3', path: 'answer', message: 'answer C is not one of the options (A, B)' }]);
    expect(fromGift('::q1:: 没有答案的题目', 't').issues[0]?.message).toMatch(/expected/);
  });
});
