import { Logger } from '@nestjs/common';

export class ShutdownRequested extends Error {
  constructor() {
    super('Shutdown requested during boot');
    this.name = 'ShutdownRequested';
  }
}

/**
 * Ordered cleanup of what a boot started (last started, first stopped). A signal may arrive at
 * any point: during boot, the boot notices `requested` between steps and unwinds itself.
 */
export class Shutdown {
  private readonly cleanups: { name: string; run: () => Promise<void> }[] = [];
  private running?: Promise<void>;
  requested = false;

  add(name: string, run: () => Promise<void>): void {
    this.cleanups.unshift({ name, run });
  }

  throwIfRequested(): void {
    if (this.requested) {
      throw new ShutdownRequested();
    }
  }

  /** Runs every cleanup once, in reverse order of start, even if one fails. */
  run(): Promise<void> {
    this.requested = true;
    this.running ??= (async () => {
      for (const cleanup of this.cleanups.splice(0)) {
        try {
          await cleanup.run();
        } catch (error) {
          new Logger('Shutdown').error(`${cleanup.name} did not stop cleanly: ${String(error)}`);
        }
      }
    })();
    return this.running;
  }
}
