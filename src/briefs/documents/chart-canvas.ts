/**
 * Draws a chart.js chart on @napi-rs/canvas (its binary comes from the npm registry) and returns the PNG. One canvas
 * per size is kept and reused (cleared to white before each chart): drawing is synchronous, so two charts never share
 * it at once, and a report with two charts does not allocate a canvas each time it is exported. Arimo is registered
 * from the repository's font files; no system font is read. The last PNGs drawn are kept by their configuration
 * (plain data: labels, numbers, colours, fonts; chart.js draws the same pixels for the same configuration), so the
 * DOCX and the PDF of one brief or report, or a second download, draw each chart once.
 */
import { createCanvas, GlobalFonts, type Canvas } from '@napi-rs/canvas';
import { Chart, type ChartConfiguration, type ChartType } from 'chart.js/auto';
import { fontPath } from './fonts.js';

export const CHART_FONT = 'Arimo';
let registered = false;
const canvases = new Map<string, Canvas>();
/** PNGs by configuration and size, least recently used first (Map keeps insertion order). */
const drawn = new Map<string, Buffer>();
export const DRAWN_KEPT = 16;

export interface ChartImage {
  png: Buffer;
  widthPx: number;
  heightPx: number;
}

function registerFonts(): void {
  if (!registered) {
    GlobalFonts.registerFromPath(fontPath('regular'), CHART_FONT);
    GlobalFonts.registerFromPath(fontPath('bold'), CHART_FONT);
    registered = true;
  }
}

function canvasOf(widthPx: number, heightPx: number): Canvas {
  const key = `${widthPx}x${heightPx}`;
  let canvas = canvases.get(key);
  if (!canvas) {
    canvas = createCanvas(widthPx, heightPx);
    canvases.set(key, canvas);
  }
  return canvas;
}

/** The chart of `config` as a PNG of `widthPx` × `heightPx` on a white ground. */
export function drawChart<T extends ChartType>(
  config: ChartConfiguration<T>,
  widthPx: number,
  heightPx: number,
): ChartImage {
  const key = `${widthPx}x${heightPx} ${JSON.stringify(config)}`;
  const kept = drawn.get(key);
  if (kept) {
    drawn.delete(key);
    drawn.set(key, kept);
    return { png: kept, widthPx, heightPx };
  }
  const png = draw(config, widthPx, heightPx);
  drawn.set(key, png);
  if (drawn.size > DRAWN_KEPT) {
    drawn.delete(drawn.keys().next().value as string);
  }
  return { png, widthPx, heightPx };
}

function draw<T extends ChartType>(config: ChartConfiguration<T>, widthPx: number, heightPx: number): Buffer {
  registerFonts();
  const canvas = canvasOf(widthPx, heightPx);
  const ctx = canvas.getContext('2d');
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, widthPx, heightPx);
  // @napi-rs/canvas's context implements what chart.js draws with (chart.js's ChartItem accepts it as is).
  const chart = new Chart(ctx, {
    ...config,
    options: { ...config.options, responsive: false, animation: false, devicePixelRatio: 1, locale: 'id-ID' },
  } as ChartConfiguration<T>);
  try {
    return canvas.toBuffer('image/png');
  } finally {
    chart.destroy();
  }
}
