/**
 * Volume and tone by category for the daily report: one horizontal bar per category (most posts first), split into
 * negative, neutral and positive posts, drawn by the briefs chart layer (chart.js on @napi-rs/canvas, Arimo). The
 * categories after the first `CATEGORY_BARS` are drawn as one bar, "Kategori lain".
 */
import type { ChartConfiguration } from 'chart.js/auto';
import { CHART_FONT, drawChart, type ChartImage } from '../briefs/documents/chart-canvas.js';

export const CATEGORY_BARS = 7;

export interface CategoryTone {
  label: string;
  negative: number;
  neutral: number;
  positive: number;
}

/** The bars of the chart: the first CATEGORY_BARS categories as given, the rest summed as "Kategori lain". */
export function categoryBars(rows: CategoryTone[]): CategoryTone[] {
  if (rows.length <= CATEGORY_BARS + 1) {
    return rows;
  }
  const rest = rows.slice(CATEGORY_BARS).reduce(
    (sum, row) => ({
      label: 'Kategori lain',
      negative: sum.negative + row.negative,
      neutral: sum.neutral + row.neutral,
      positive: sum.positive + row.positive,
    }),
    { label: 'Kategori lain', negative: 0, neutral: 0, positive: 0 },
  );
  return [...rows.slice(0, CATEGORY_BARS), rest];
}

export function renderCategoryChart(rows: CategoryTone[], size = { widthPx: 1200, heightPx: 400 }): ChartImage {
  const bars = categoryBars(rows);
  const font = (px: number) => ({ family: CHART_FONT, size: px });
  const config: ChartConfiguration<'bar'> = {
    type: 'bar',
    data: {
      labels: bars.map((bar) => bar.label),
      datasets: [
        { label: 'Negatif', data: bars.map((bar) => bar.negative), backgroundColor: '#b03a2e' },
        { label: 'Netral', data: bars.map((bar) => bar.neutral), backgroundColor: '#a6acaf' },
        { label: 'Positif', data: bars.map((bar) => bar.positive), backgroundColor: '#1e8449' },
      ],
    },
    options: {
      indexAxis: 'y',
      plugins: {
        legend: { position: 'bottom', labels: { font: font(20), color: '#000000' } },
        title: {
          display: true,
          text: 'Volume dan sentimen unggahan per kategori',
          font: { ...font(26), weight: 'bold' },
          color: '#000000',
        },
      },
      scales: {
        x: {
          stacked: true,
          beginAtZero: true,
          ticks: { font: font(18), color: '#000000', precision: 0 },
          title: { display: true, text: 'Unggahan', font: font(20), color: '#000000' },
        },
        y: { stacked: true, ticks: { font: font(20), color: '#000000', autoSkip: false } },
      },
    },
  };
  return drawChart(config, size.widthPx, size.heightPx);
}
