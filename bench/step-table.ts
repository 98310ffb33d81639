/** The benches' table of timed steps: median, min and max milliseconds of the warm runs, one row per step. */

export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Prints the table: header, then `| label | median | min | max |` per step. */
export function printStepTable(steps: [label: string, ms: number[]][]): void {
  console.log('| step | median ms | min ms | max ms |');
  console.log('|---|---|---|---|');
  for (const [label, xs] of steps) {
    console.log(
      `| ${label} | ${Math.round(median(xs))} | ${Math.round(Math.min(...xs))} | ${Math.round(Math.max(...xs))} |`,
    );
  }
}
