/**
 * The volume chart of an issue (posts per hour, local time) drawn server-side: chart.js on @napi-rs/canvas (its
 * binary comes from the npm registry), Arimo registered from the repository's font files.
 */
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { Chart, type ChartConfiguration } from 'chart.js/auto';
import { fontPath } from './fonts.js';

const FAMILY = 'Arimo';
let registered = false;

function registerFonts(): void {
  if (!registered) {
    GlobalFonts.registerFromPath(fontPath('regular'), FAMILY);
    GlobalFonts.registerFromPath(fontPath('bold'), FAMILY);
    registered = true;
  }
}

export interface VolumePoint {
  hourStart: string;
  posts: number;
}

export interface ChartImage {
  png: Buffer;
  widthPx: number;
  heightPx: number;
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
  registerFonts();
  const widthPx = options.widthPx ?? 1200;
  const heightPx = options.heightPx ?? 500;
  const canvas = createCanvas(widthPx, heightPx);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, widthPx, heightPx);
  const { labels, values } = hourSeries(points, options.timeZone);
  const config: ChartConfiguration<'bar'> = {
    type: 'bar',
    data: { labels, datasets: [{ label: 'Unggahan per jam', data: values, backgroundColor: '#1f4e79' }] },
    options: {
      responsive: false,
      animation: false,
      devicePixelRatio: 1,
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
  // @napi-rs/canvas's context implements what chart.js draws with (chart.js's ChartItem accepts it as is).
  const chart = new Chart(ctx, config);
  const png = canvas.toBuffer('image/png');
  chart.destroy();
  return { png, widthPx, heightPx };
}
