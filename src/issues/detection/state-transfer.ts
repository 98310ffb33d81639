/**
 * State export and import: bucket counts and key baselines as plain rows (what the worker persists and restores).
 * The interface of IssueDetector that uses it (exportCounts, importCounts, exportBaselines, importBaselines) is stable.
 */
import type { BucketCountRow, KeyBaselineRow } from './detection.types.js';
import type { DetectorMemory } from './detector-memory.js';

export class StateTransfer {
  constructor(private readonly memory: DetectorMemory) {}

  /** Bucket counts as plain rows (what the worker persists). */
  exportCounts(fromBucketStart = -Infinity): BucketCountRow[] {
    const table = this.memory.keyTable;
    return [
      ...this.memory.counter.rows(
        (id) => table.keyOf(id),
        (id) => table.kindOf(id),
        Math.floor(fromBucketStart / this.memory.config.bucketMs),
      ),
    ];
  }

  exportBaselines(): KeyBaselineRow[] {
    const memory = this.memory;
    const rows: KeyBaselineRow[] = [];
    for (const [key, id] of memory.keyTable.entries()) {
      if (memory.baselines.lastBucket(id) >= 0) {
        rows.push(memory.baselines.toRow(id, key));
      }
    }
    return rows;
  }

  /** Restores baselines (e.g. after a worker restart) before ingesting. */
  importBaselines(rows: readonly KeyBaselineRow[]): void {
    const memory = this.memory;
    for (const row of rows) {
      memory.baselines.setFromRow(memory.keyIdFor(row.key), row);
      memory.lastProcessed = Math.max(memory.lastProcessed, row.lastBucket);
      if (row.firstBucket < memory.historyStart) {
        memory.historyStart = row.firstBucket;
      }
    }
  }

  /** Restores or injects bucket counts (rows with key '*' carry bucket totals). */
  importCounts(rows: Iterable<BucketCountRow>): void {
    const memory = this.memory;
    for (const row of rows) {
      const index = Math.floor(row.bucketStart / memory.config.bucketMs);
      if (row.key === '*') {
        memory.counter.setTotals(index, row.posts, row.voices);
      } else {
        memory.counter.setCounts(index, memory.keyIdFor(row.key, index), row.posts, row.authors, row.voices);
      }
    }
    memory.counter.settleRestored();
  }
}
