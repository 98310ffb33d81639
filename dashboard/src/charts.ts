import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  type ChartType,
  DoughnutController,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type Plugin,
} from 'chart.js';
import { type Cell, download, downloadCsv } from './csv.js';
import { button, h } from './dom.js';
import { intlLocale, t } from './i18n.js';

Chart.register(
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  DoughnutController,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
);
Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", sans-serif';
Chart.defaults.color = '#3b4754';
Chart.defaults.maintainAspectRatio = false;
Chart.defaults.animation = false;

/** Calm, distinguishable colours (also for colour-blind readers: blue, orange, teal, grey, purple, brown). */
export const PALETTE = ['#1d4e89', '#d9822b', '#2a9d8f', '#6c757d', '#7b5ea7', '#8c564b', '#c94f7c', '#4d8f3a'];
export const SENTIMENT_COLORS: Record<string, string> = {
  positive: '#2a9d8f',
  neutral: '#8a96a3',
  negative: '#c0392b',
};

/** Exported PNGs get a white background instead of a transparent one. */
const whiteBackground: Plugin = {
  id: 'whiteBackground',
  beforeDraw(chart) {
    const { ctx } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, chart.width, chart.height);
    ctx.restore();
  },
};

export interface ChartTable {
  header: string[];
  rows: Cell[][];
  /** In-app links for the first cell of each row (the table fallback then opens what a click on the chart opens). */
  links?: (string | undefined)[];
}

export interface ChartCardOptions<T extends ChartType> {
  title: string;
  /** File name stem for the PNG and CSV downloads. */
  file: string;
  config: ChartConfiguration<T>;
  table: ChartTable;
  /** Short description for screen readers (the table holds the figures). */
  summary: string;
  /** A click on a point or bar: the index of the label and of the dataset. */
  onSelect?: (index: number, datasetIndex: number) => void;
  height?: number;
  extra?: Node;
}

export interface ChartCard {
  element: HTMLElement;
  chart: Chart;
  destroy(): void;
}

export function dataTable(table: ChartTable, caption: string): HTMLTableElement {
  return h(
    'table',
    { class: 'data' },
    h('caption', { class: 'visually-hidden' }, caption),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        table.header.map((cell) => h('th', { scope: 'col' }, cell)),
      ),
    ),
    h(
      'tbody',
      null,
      table.rows.map((row, index) =>
        h(
          'tr',
          null,
          row.map((cell, column) => {
            const text = cell === null || cell === undefined ? '' : String(cell);
            const link = column === 0 ? table.links?.[index] : undefined;
            return h('td', null, link ? h('a', { href: link }, text) : text);
          }),
        ),
      ),
    ),
  );
}

/** A chart with its title, a table fallback (in a disclosure), and PNG/CSV downloads. */
export function chartCard<T extends ChartType>(options: ChartCardOptions<T>): ChartCard {
  const canvas = h('canvas', { role: 'img', aria: { label: `${options.title}: ${options.summary}` } });
  const config = options.config as ChartConfiguration;
  config.plugins = [...(config.plugins ?? []), whiteBackground];
  if (options.onSelect) {
    const onSelect = options.onSelect;
    config.options = {
      ...config.options,
      onClick: (_event, elements) => {
        const first = elements[0];
        if (first) {
          onSelect(first.index, first.datasetIndex);
        }
      },
      onHover: (event, elements) => {
        const target = event.native?.target as HTMLElement | undefined;
        if (target) {
          target.style.cursor = elements.length > 0 ? 'pointer' : 'default';
        }
      },
    };
  }
  // Tick and tooltip numbers in the chosen language (dates are formatted by format.ts before they reach the chart).
  Chart.defaults.locale = intlLocale();
  const chart = new Chart(canvas, config);
  const element = h(
    'section',
    { class: 'card chart-card' },
    h(
      'header',
      { class: 'card-head' },
      h('h2', null, options.title),
      h(
        'div',
        { class: 'card-tools' },
        button('PNG', () => downloadPng(chart, options.file), {
          class: 'btn btn-small btn-ghost',
          title: t('charts.unduhGrafikSebagaiPng'),
          aria: { label: t('charts.unduhSebagaiPng', { title: options.title }) },
        }),
        button('CSV', () => downloadCsv(`${options.file}.csv`, options.table.header, options.table.rows), {
          class: 'btn btn-small btn-ghost',
          title: t('charts.unduhDataSebagaiCsv'),
          aria: { label: t('charts.unduhDataSebagaiCsv2', { title: options.title }) },
        }),
      ),
    ),
    options.extra ?? null,
    h('div', { class: 'chart-box', data: { height: String(options.height ?? 260) } }, canvas),
    h(
      'details',
      { class: 'table-fallback' },
      h('summary', null, t('charts.tabelData')),
      dataTable(options.table, options.title),
    ),
  );
  const box = element.querySelector<HTMLElement>('.chart-box');
  if (box) {
    box.style.height = `${options.height ?? 260}px`;
  }
  return { element, chart, destroy: () => chart.destroy() };
}

function downloadPng(chart: Chart, file: string): void {
  chart.canvas.toBlob((blob) => {
    if (blob) {
      download(`${file}.png`, blob);
    }
  }, 'image/png');
}
