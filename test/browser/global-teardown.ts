import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';

/** Stops the run's server (SIGTERM: it stops its embedded PostgreSQL itself) and removes its data directory. */
export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as { __pantauServer?: { child: ChildProcess; dataDir: string } }).__pantauServer;
  if (!server) {
    return;
  }
  const { child, dataDir } = server;
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(timer);
  }
  rmSync(dataDir, { recursive: true, force: true });
}
