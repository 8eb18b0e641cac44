// Geometry of the progress charts the history page draws as inline SVG: score over time per exam type
// and accuracy per topic. Numbers only; the template writes the elements (escaped), so no chart library
// and nothing a trainee typed is ever emitted as markup.

export interface ScorePoint {
  label: string;
  score: number;
  maxScore: number;
  passMark: number;
}

const width = 320;
const height = 160;
const pad = { left: 34, right: 10, top: 10, bottom: 24 };
const round = (value: number) => Math.round(value * 10) / 10;

/** One line per exam type: percent of the full score per attempt, oldest first, with the pass line. */
export const scoreHistoryChart = (points: readonly ScorePoint[]) => {
  const plotWidth = width - pad.left - pad.right;
  const plotHeight = height - pad.top - pad.bottom;
  const y = (percent: number) => round(pad.top + plotHeight * (1 - percent / 100));
  const x = (index: number) => round(pad.left + (points.length <= 1 ? plotWidth / 2 : (plotWidth * index) / (points.length - 1)));
  const dots = points.map((point, index) => {
    const percent = point.maxScore > 0 ? (point.score / point.maxScore) * 100 : 0;
    return { x: x(index), y: y(percent), score: point.score, maxScore: point.maxScore, passed: point.score >= point.passMark, label: point.label };
  });
  const last = points.at(-1);
  const passPercent = last && last.maxScore > 0 ? (last.passMark / last.maxScore) * 100 : 0;
  return {
    width,
    height,
    line: dots.map((dot) => `${dot.x},${dot.y}`).join(' '),
    dots,
    passY: y(passPercent),
    axis: { left: pad.left, right: width - pad.right, top: y(100), bottom: y(0), labelX: pad.left - 4, baseline: height - 6 },
    gridLines: [0, 50, 100].map((percent) => ({ y: y(percent), label: `${percent}%`, textY: y(percent) + 4 })),
  };
};

export interface TopicAccuracy {
  title: string;
  answered: number;
  right: number;
}

/** Horizontal bars, one per topic, the bar's length the share answered right. */
export const accuracyChart = (topics: readonly TopicAccuracy[]) => {
  const barHeight = 18;
  const gap = 10;
  const labelHeight = 16;
  const rowHeight = labelHeight + barHeight + gap;
  const barWidth = width - 60;
  return {
    width,
    height: Math.max(rowHeight * topics.length, rowHeight),
    barWidth,
    rows: topics.map((topic, index) => {
      const accuracy = topic.answered > 0 ? topic.right / topic.answered : 0;
      const top = index * rowHeight;
      return {
        title: topic.title,
        // A long chapter title is cut on the chart (the table beside it and the bar's tooltip say it whole).
        label: [...topic.title].length > 26 ? `${[...topic.title].slice(0, 25).join('')}…` : topic.title,
        answered: topic.answered,
        right: topic.right,
        share: Math.round(accuracy * 100),
        labelY: top + 12,
        barY: top + labelHeight,
        length: round(barWidth * accuracy),
        valueX: barWidth + 6,
        valueY: top + labelHeight + 14,
      };
    }),
  };
};
