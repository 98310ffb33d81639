import type { ChartConfiguration } from 'chart.js/auto';
import { DRAWN_KEPT, drawChart } from './chart-canvas.js';

const bars = (values: number[]): ChartConfiguration<'bar'> => ({
  type: 'bar',
  data: { labels: values.map((_, i) => `${i}`), datasets: [{ label: 'n', data: values, backgroundColor: '#1f4e79' }] },
});

describe('drawChart', () => {
  it('should draw a configuration once and give the same PNG again, and draw another configuration anew', () => {
    const first = drawChart(bars([1, 2, 3]), 300, 120);
    const again = drawChart(bars([1, 2, 3]), 300, 120);
    expect(again.png).toBe(first.png);
    const other = drawChart(bars([3, 2, 1]), 300, 120);
    expect(other.png).not.toBe(first.png);
    expect(other.png.equals(first.png)).toBe(false);
    const wider = drawChart(bars([1, 2, 3]), 320, 120);
    expect(wider.png).not.toBe(first.png);
    expect(wider.widthPx).toBe(320);
  });

  it('should keep only the last DRAWN_KEPT charts', () => {
    const first = drawChart(bars([9, 9, 9]), 200, 100);
    for (let i = 0; i < DRAWN_KEPT; i++) {
      drawChart(bars([i, i + 1]), 200, 100);
    }
    const redrawn = drawChart(bars([9, 9, 9]), 200, 100);
    expect(redrawn.png).not.toBe(first.png);
    expect(redrawn.png.equals(first.png)).toBe(true);
  });
});
