/**
 * CPU time spent by processes, read from /proc (Linux): on a shared, loaded machine wall time says how long a run
 * waited for a core, CPU time says how much work it did. The PostgreSQL side is the postmaster with its reaped children
 * (cutime/cstime) plus the live backends; a Node side is one process (and its reaped children).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const TICKS_PER_SECOND = 100; // getconf CLK_TCK on Linux

interface ProcStat {
  ppid: number;
  /** utime + stime, ms. */
  own: number;
  /** cutime + cstime (reaped children), ms. */
  children: number;
}

function stat(pid: number, path = `/proc/${pid}/stat`): ProcStat | undefined {
  try {
    const text = readFileSync(path, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // fields[0] is state (field 3): ppid is field 4, utime..cstime are fields 14..17.
    const tick = (index: number) => (Number(fields[index - 3]) * 1000) / TICKS_PER_SECOND;
    return { ppid: Number(fields[1]), own: tick(14) + tick(15), children: tick(16) + tick(17) };
  } catch {
    return undefined;
  }
}

/** CPU ms of a process, its reaped children, and (with `liveChildren`) its children still running. */
export function processCpuMs(pid: number, liveChildren = false): number {
  const root = stat(pid);
  if (!root) {
    return 0;
  }
  let total = root.own + root.children;
  if (liveChildren) {
    for (const entry of readdirSync('/proc')) {
      const child = /^\d+$/.test(entry) ? stat(Number(entry)) : undefined;
      if (child?.ppid === pid) {
        total += child.own;
      }
    }
  }
  return total;
}

/** CPU ms of a PostgreSQL cluster so far: postmaster, reaped backends and live backends. */
export function postgresCpuMs(clusterDir: string): number {
  const pid = Number(readFileSync(join(clusterDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  return processCpuMs(pid, true);
}

/** CPU ms of this process's main thread alone (its JavaScript event loop; worker threads and V8's helpers excluded). */
export function mainThreadCpuMs(): number {
  return stat(process.pid, `/proc/self/task/${process.pid}/stat`)?.own ?? 0;
}
