/**
 * Worker threads for `pantau analyze`: each builds the command's analyzer once and analyses the batches it is given
 * (analyze.worker.ts). `submit` returns the batch's result; the command writes the results in input order.
 */
import { Worker } from 'node:worker_threads';
import type { AnalyzeSettings, BatchResult, LineBatch } from './analyze-lines.js';

interface Pending {
  resolve: (r: BatchResult) => void;
  reject: (e: Error) => void;
}

export class AnalyzePool {
  private readonly workers: Worker[] = [];
  private readonly load: number[] = [];
  private readonly pending = new Map<number, Pending & { worker: number }>();
  private seq = 0;
  private failure: Error | undefined;

  private constructor() {}

  /** Starts `size` workers and waits until each has built its analyzer. */
  static async start(settings: AnalyzeSettings, size: number, workerUrl: URL): Promise<AnalyzePool> {
    const pool = new AnalyzePool();
    const ready: Promise<void>[] = [];
    for (let i = 0; i < size; i++) {
      const worker = new Worker(workerUrl, { workerData: settings });
      pool.workers.push(worker);
      pool.load.push(0);
      ready.push(
        new Promise<void>((resolve, reject) => {
          worker.once('error', reject);
          worker.once('message', () => {
            worker.off('error', reject);
            resolve();
          });
        }),
      );
      worker.on('error', (e: Error) => pool.fail(e));
      worker.on('exit', (code) => {
        if (code !== 0) {
          pool.fail(new Error(`worker berhenti dengan kode ${code}`));
        }
      });
    }
    try {
      await Promise.all(ready);
    } catch (e) {
      await pool.close();
      throw e;
    }
    for (const [i, worker] of pool.workers.entries()) {
      worker.on('message', (m: BatchResult & { seq: number }) => {
        const p = pool.pending.get(m.seq);
        if (p) {
          pool.pending.delete(m.seq);
          pool.load[i]--;
          p.resolve({ out: m.out, errors: m.errors, done: m.done, bad: m.bad });
        }
      });
    }
    return pool;
  }

  /** Analyses a batch on the least busy worker. */
  submit(batch: LineBatch): Promise<BatchResult> {
    if (this.failure) {
      return Promise.reject(this.failure);
    }
    let w = 0;
    for (let i = 1; i < this.workers.length; i++) {
      if (this.load[i] < this.load[w]) {
        w = i;
      }
    }
    const seq = this.seq++;
    this.load[w]++;
    return new Promise<BatchResult>((resolve, reject) => {
      this.pending.set(seq, { resolve, reject, worker: w });
      this.workers[w].postMessage({ seq, ...batch });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private fail(e: Error): void {
    this.failure ??= e;
    for (const p of this.pending.values()) {
      p.reject(e);
    }
    this.pending.clear();
  }
}
