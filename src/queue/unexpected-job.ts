import { UnrecoverableError } from 'bullmq';

/** A job whose name its queue's processor does not know: retrying cannot help. */
export function unexpectedJob(queue: string, job: never): never {
  throw new UnrecoverableError(`Unknown job "${(job as { name?: string }).name}" on queue ${queue}`);
}
