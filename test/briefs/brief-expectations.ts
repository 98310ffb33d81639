/**
 * How the test expects figures to be written in a telaahan (formal Indonesian: 1.234; 45,5%; 2 Desember 2026 pukul
 * 14.05 WITA). Written here from Intl, not imported from src, so a formatting bug in the product fails the test.
 */
export const count = (n: number) => new Intl.NumberFormat('id-ID').format(n);

export const share = (part: number, total: number) =>
  `${new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 }).format(Math.round((part / total) * 1000) / 10)}%`;

function local(at: Date, offsetHours: number) {
  const d = new Date(at.getTime() + offsetHours * 3600_000);
  const months = [
    'Januari',
    'Februari',
    'Maret',
    'April',
    'Mei',
    'Juni',
    'Juli',
    'Agustus',
    'September',
    'Oktober',
    'November',
    'Desember',
  ];
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    date: `${d.getUTCDate()} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()}`,
    time: `${pad(d.getUTCHours())}.${pad(d.getUTCMinutes())}`,
  };
}

/** "2 Desember 2026 pukul 14.05 WITA" (WITA = UTC+8). */
export function dateTimeWita(at: Date): string {
  const l = local(at, 8);
  return `${l.date} pukul ${l.time} WITA`;
}

export function dateWita(at: Date): string {
  return local(at, 8).date;
}

/** "2 Desember 2026 pukul 14.00–15.00 WITA" for the UTC hour starting at `hour`. */
export function hourWita(hour: Date): string {
  const start = local(hour, 8);
  const end = local(new Date(hour.getTime() + 3600_000), 8);
  return `${start.date} pukul ${start.time}–${end.time} WITA`;
}

/** End of the `days`th working day (Mon–Fri, no holidays) after the WITA date of `at`, as an instant. */
export function workingDaysAfterWita(at: Date, days: number): Date {
  const localMidnight = Date.UTC(
    new Date(at.getTime() + 8 * 3600_000).getUTCFullYear(),
    new Date(at.getTime() + 8 * 3600_000).getUTCMonth(),
    new Date(at.getTime() + 8 * 3600_000).getUTCDate(),
  );
  let day = localMidnight;
  let left = days;
  while (left > 0) {
    day += 86_400_000;
    const weekday = new Date(day).getUTCDay();
    if (weekday !== 0 && weekday !== 6) {
      left--;
    }
  }
  return new Date(day + 86_400_000 - 1 - 8 * 3600_000);
}

interface Run {
  text: string;
}
type Block = { type: 'paragraph'; runs: Run[] } | { type: 'list'; items: Run[][] } | { type: 'chart' };

/** The plain text of a section as the API returns it. */
export function sectionText(section: { blocks: Block[] } | undefined): string {
  return (section?.blocks ?? [])
    .map((b) =>
      b.type === 'paragraph'
        ? b.runs.map((r) => r.text).join('')
        : b.type === 'list'
          ? b.items.map((runs) => runs.map((r) => r.text).join('')).join('\n')
          : '',
    )
    .join('\n');
}
