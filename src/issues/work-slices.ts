/**
 * Long synchronous detector work (a restore's replay of thousands of posts, its import of stored counts, a pass's feed)
 * cut into slices that give the event loop back: in the single-process default the API, health checks and signal
 * handlers share the loop with the detector. Between slices the work checks whether the process is stopping, so a
 * shutdown does not wait for a restore to finish.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';

/** Thrown out of a sliced task when its owner is stopping (the task is abandoned, nothing half-done is kept). */
export class WorkStopped extends Error {
  constructor() {
    super('Detector work stopped: the process is shutting down');
    this.name = 'WorkStopped';
  }
}

export class WorkSlices {
  private sliceStart = performance.now();
  /** Turns given to the event loop so far. */
  yields = 0;

  /** `sliceMs`: longest stretch of work between two turns of the event loop (0: never yield, one blocking turn). */
  constructor(
    private readonly sliceMs: number,
    private readonly stopping: () => boolean,
  ) {}

  /** Call between two units of work: yields when the current slice is used up; throws WorkStopped when stopping. */
  async next(): Promise<void> {
    if (this.sliceMs <= 0 || performance.now() - this.sliceStart < this.sliceMs) {
      return;
    }
    await nextTurn();
    this.yields++;
    this.sliceStart = performance.now();
    if (this.stopping()) {
      throw new WorkStopped();
    }
  }
}
