/**
 * The volume chart of an issue or a report period (posts per hour, local time), drawn by chart-canvas.ts.
 */
import type { ChartConfiguration } from 'chart.js/auto';
import { CHART_FONT as FAMILY, drawChart, type ChartImage } from './chart-canvas.js';

export type { ChartImage } from './chart-canvas.js';

export interface VolumePoint {
  hourStart: string;
  posts: number;
}

/** Hours from the first to the last point, empty hours as 0, labelled "HH.00" in `timeZone`. */
export function hourSeries(points: VolumePoint[], timeZone: string): { labels: string[]; values: number[] } {
  if (points.length === 0) {
    return { labels: [], values: [] };
  }
  const byHour = new Map(points.map((p) => [Date.parse(p.hourStart), p.posts]));
  const first = Math.min(...byHour.keys());
  const last = Math.max(...byHour.keys());
  const label = new Intl.DateTimeFormat('id-ID', { timeZone, hour: '2-digit', hourCycle: 'h23' });
  const labels: string[] = [];
  const values: number[] = [];
  for (let at = first; at <= last; at += 3_600_000) {
    labels.push(`${label.format(new Date(at))}.00`);
    values.push(byHour.get(at) ?? 0);
  }
  return { labels, values };
}

export function renderVolumeChart(
  points: VolumePoint[],
  options: { timeZone: string; zoneLabel: string; widthPx?: number; heightPx?: number },
): ChartImage {
  const widthPx = options.widthPx ?? 1200;
  const heightPx = options.heightPx ?? 500;
  const { labels, values } = hourSeries(points, options.timeZone);
  const config: ChartConfiguration<'bar'> = {
    type: 'bar',
    data: { labels, datasets: [{ label: 'Unggahan per jam', data: values, backgroundColor: '#1f4e79' }] },
    options: {
      plugins: {
        legend: { display: false },
        title: {
          display: true,
          text: `Volume unggahan per jam (${options.zoneLabel})`,
          font: { family: FAMILY, size: 26, weight: 'bold' },
          color: '#000000',
        },
      },
      scales: {
        x: { ticks: { font: { family: FAMILY, size: 20 }, color: '#000000', autoSkip: true, maxRotation: 0 } },
        y: {
          beginAtZero: true,
          ticks: { font: { family: FAMILY, size: 20 }, color: '#000000', precision: 0 },
          title: { display: true, text: 'Unggahan', font: { family: FAMILY, size: 20 }, color: '#000000' },
        },
      },
    },
  };
  return drawChart(config, widthPx, heightPx);
}
