// The region's 动态清零 trend as a server-rendered SVG (no script): open hazards at each month's end.
const escape = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

export const trendSvg = (series: { month: string; open: number; found: number; accepted: number }[]): string => {
  const width = 640;
  const height = 240;
  const pad = { left: 40, right: 16, top: 16, bottom: 40 };
  const max = Math.max(1, ...series.map((point) => point.found));
  const x = (index: number) => pad.left + (series.length <= 1 ? 0 : (index * (width - pad.left - pad.right)) / (series.length - 1));
  const y = (value: number) => height - pad.bottom - (value * (height - pad.top - pad.bottom)) / max;
  const line = (pick: (point: (typeof series)[number]) => number) => series.map((point, index) => `${x(index).toFixed(1)},${y(pick(point)).toFixed(1)}`).join(' ');
  const labels = series.map((point, index) => `<text x="${x(index).toFixed(1)}" y="${height - pad.bottom + 16}" font-size="11" text-anchor="middle">${escape(point.month)}</text>`).join('');
  const dots = series.map((point, index) => `<circle cx="${x(index).toFixed(1)}" cy="${y(point.open).toFixed(1)}" r="3" fill="#c0392b"><title>${escape(`${point.month} 月末未销号 ${point.open}（累计发现 ${point.found}，累计验收销号 ${point.accepted}）`)}</title></circle>`).join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-label="辖区隐患动态清零趋势：各月末未销号隐患数" class="trend" data-points="${series.length}">`,
    `<line x1="${pad.left}" y1="${y(0)}" x2="${width - pad.right}" y2="${y(0)}" stroke="#999"/>`,
    `<text x="4" y="${pad.top + 4}" font-size="11">${max}</text><text x="4" y="${y(0)}" font-size="11">0</text>`,
    series.length > 0 ? `<polyline fill="none" stroke="#888" stroke-dasharray="4 3" points="${line((point) => point.found)}"/><polyline fill="none" stroke="#c0392b" stroke-width="2" points="${line((point) => point.open)}"/>` : '',
    dots,
    labels,
    `<text x="${width - pad.right}" y="${pad.top + 4}" font-size="11" text-anchor="end">红线：月末未销号；虚线：累计发现</text>`,
    '</svg>',
  ].join('');
};
