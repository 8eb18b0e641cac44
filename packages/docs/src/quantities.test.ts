// Numbers with their units as the Chinese and English pages print them.
import { describe, expect, it } from 'vitest';
import { asPercent, quantity, quantityText, unitName } from './quantities.js';

describe('quantities', () => {
  it('moves the decimal point for percentages without floating point', () => {
    expect(asPercent('1.10')).toBe('110');
    expect(asPercent('0.005')).toBe('0.5');
    expect(asPercent('-0.3')).toBe('-30');
  });

  it('says word units in Chinese on the Chinese side and keeps the word in English', () => {
    expect(quantity(2, 'persons')).toEqual({ zh: '2人', en: '2 persons' });
    expect(quantity(3, 'years')).toEqual({ zh: '3年', en: '3 years' });
    expect(quantity(50, 'CNY/t')).toEqual({ zh: '50元/吨', en: '50 CNY/t' });
    expect(unitName('count')).toBe('个');
    expect(unitName('ratio')).toBe('比值');
  });

  it('keeps symbols as written, with a space after the number', () => {
    expect(quantity(8, 'm³/t')).toEqual({ zh: '8 m³/t', en: '8 m³/t' });
    expect(quantityText('1.10', 'ratio')).toEqual({ zh: '1.10（即110%）', en: '1.10 (110%)' });
    expect(quantity(5, '%')).toEqual({ zh: '5%', en: '5%' });
  });
});
