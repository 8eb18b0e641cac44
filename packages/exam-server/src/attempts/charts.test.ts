// The charts' geometry: a full score sits on the top line, zero on the bottom, the pass line between.
import { describe, expect, it } from 'vitest';
import { accuracyChart, scoreHistoryChart } from './charts.js';

describe('scoreHistoryChart', () => {
  it('places 100 % on the top axis, 0 % on the bottom and the pass mark in proportion', () => {
    const chart = scoreHistoryChart([
      { label: 'a', score: 100, maxScore: 100, passMark: 80 },
      { label: 'b', score: 0, maxScore: 100, passMark: 80 },
      { label: 'c', score: 50, maxScore: 100, passMark: 80 },
    ]);
    const [full, none, half] = chart.dots;
    expect(full!.y).toBe(chart.axis.top);
    expect(none!.y).toBe(chart.axis.bottom);
    expect(half!.y).toBeCloseTo((chart.axis.top + chart.axis.bottom) / 2, 0);
    expect(chart.passY).toBeCloseTo(chart.axis.bottom - 0.8 * (chart.axis.bottom - chart.axis.top), 0);
    expect(full!.x).toBe(chart.axis.left);
    expect(half!.x).toBe(chart.axis.right);
    expect(chart.dots.map((dot) => dot.passed)).toEqual([true, false, false]);
    expect(chart.line.split(' ')).toHaveLength(3);
  });
  it('centres a single attempt', () => {
    const chart = scoreHistoryChart([{ label: 'a', score: 3, maxScore: 4, passMark: 3 }]);
    expect(chart.dots[0]!.x).toBeCloseTo((chart.axis.left + chart.axis.right) / 2, 0);
    expect(chart.dots[0]!.passed).toBe(true);
  });
});

describe('accuracyChart', () => {
  it('draws each bar as long as the share answered right', () => {
    const chart = accuracyChart([
      { title: '瓦斯', answered: 4, right: 3 },
      { title: '水害', answered: 2, right: 0 },
    ]);
    expect(chart.rows.map((row) => row.share)).toEqual([75, 0]);
    expect(chart.rows[0]!.length).toBe(chart.barWidth * 0.75);
    expect(chart.rows[1]!.length).toBe(0);
    expect(chart.rows[1]!.barY).toBeGreaterThan(chart.rows[0]!.barY);
    expect(chart.rows[0]!.label).toBe('瓦斯');
  });
  it('cuts a long topic title on the chart, keeping it whole for the tooltip', () => {
    const title = '煤矿重大事故隐患判定标准（2026年修订） · 煤（岩）与瓦斯突出矿井未按规定实施防突措施';
    const [row] = accuracyChart([{ title, answered: 1, right: 1 }]).rows;
    expect([...row!.label]).toHaveLength(26);
    expect(row!.label.endsWith('…')).toBe(true);
    expect(row!.title).toBe(title);
  });
});
