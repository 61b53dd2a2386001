// Grouped bar charts as SVG built in the page (no library, no CDN). Each chart has a text
// alternative: an aria-label summary and the same numbers in a table beside it.
import { h } from './dom.js';

const NS = 'http://www.w3.org/2000/svg';
const COLORS = ['#1f6feb', '#d97706', '#059669', '#b91c1c', '#7c3aed'];

function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const c of children) el.append(c);
  return el;
}

// Four grid steps of a round size (1, 2 or 5 × 10^k), so every tick is a whole number.
function niceMax(v) {
  const raw = Math.max(1, v / 4);
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw);
  return step * 4;
}

const shorten = (label) => (label.length > 22 ? `${label.slice(0, 21)}…` : label);

/**
 * labels: x-axis categories; series: [{ name, values }] (one value per label).
 * Returns a <figure> with the chart, a legend and a data table.
 */
export function barChart({ title, labels, series, yLabel = '' }) {
  const width = 720;
  const height = 300;
  const pad = { left: 48, right: 12, top: 16, bottom: 96 };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const max = niceMax(Math.max(1, ...series.flatMap((s) => s.values)));
  const groupW = plotW / Math.max(1, labels.length);
  const barW = Math.max(2, Math.min(28, (groupW * 0.8) / series.length));
  const total = series.reduce((sum, s) => sum + s.values.reduce((a, b) => a + b, 0), 0);

  const chart = svg('svg', {
    viewBox: `0 0 ${width} ${height}`,
    class: 'chart',
    role: 'img',
    'aria-label': `${title}: ${total} in total`,
  });
  chart.append(svg('title', {}, title));
  for (let i = 0; i <= 4; i++) {
    const y = pad.top + plotH - (plotH * i) / 4;
    chart.append(svg('line', { x1: pad.left, x2: width - pad.right, y1: y, y2: y, class: 'grid' }));
    chart.append(
      svg(
        'text',
        { x: pad.left - 6, y: y + 4, 'text-anchor': 'end', class: 'axis' },
        String(Math.round((max * i) / 4)),
      ),
    );
  }
  if (yLabel)
    chart.append(
      svg(
        'text',
        {
          x: 12,
          y: pad.top + plotH / 2,
          class: 'axis',
          transform: `rotate(-90 12 ${pad.top + plotH / 2})`,
          'text-anchor': 'middle',
        },
        yLabel,
      ),
    );
  const every = Math.ceil(labels.length / 12);
  labels.forEach((label, i) => {
    const gx = pad.left + i * groupW + (groupW - barW * series.length) / 2;
    series.forEach((s, j) => {
      const v = s.values[i] ?? 0;
      const bh = (plotH * v) / max;
      const bar = svg('rect', {
        x: gx + j * barW,
        y: pad.top + plotH - bh,
        width: barW - 1,
        height: Math.max(0, bh),
        fill: COLORS[j % COLORS.length],
      });
      bar.append(svg('title', {}, `${label} · ${s.name}: ${v}`));
      chart.append(bar);
    });
    if (i % every === 0) {
      const x = pad.left + i * groupW + groupW / 2;
      chart.append(
        svg(
          'text',
          {
            x,
            y: pad.top + plotH + 16,
            'text-anchor': 'end',
            class: 'axis',
            transform: `rotate(-35 ${x} ${pad.top + plotH + 16})`,
          },
          shorten(label),
        ),
      );
    }
  });
  chart.append(
    svg('line', {
      x1: pad.left,
      x2: width - pad.right,
      y1: pad.top + plotH,
      y2: pad.top + plotH,
      class: 'baseline',
    }),
  );

  const legend = h(
    'ul',
    { class: 'legend' },
    series.map((s, j) => {
      const swatch = h('span', { class: 'swatch', 'aria-hidden': 'true' });
      swatch.style.background = COLORS[j % COLORS.length];
      return h('li', {}, swatch, s.name);
    }),
  );
  const table = h(
    'table',
    {},
    h('caption', {}, title),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, ''),
        series.map((s) => h('th', { scope: 'col' }, s.name)),
      ),
    ),
    h(
      'tbody',
      {},
      labels.map((label, i) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, label),
          series.map((s) => h('td', {}, String(s.values[i] ?? 0))),
        ),
      ),
    ),
  );
  return h(
    'figure',
    { class: 'chart-figure' },
    h('figcaption', {}, title),
    labels.length === 0 ? h('p', { class: 'empty' }, 'No data yet.') : chart,
    series.length > 1 ? legend : null,
    h('details', {}, h('summary', {}, 'Show the numbers'), table),
  );
}

/** Consecutive days from `first` to `last` (days since the epoch), for a time axis without gaps. */
export function dayRange(first, last) {
  const out = [];
  for (let d = first; d <= last; d++) out.push(d);
  return out;
}
