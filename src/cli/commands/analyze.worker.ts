/**
 * A worker thread of `pantau analyze` (analyze.command.ts): builds the command's analyzer from `workerData`, then
 * answers each LineBatch message with its BatchResult, tagged with the batch's sequence number.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { analyzeBatch, createCommandAnalyzer, type AnalyzeSettings, type LineBatch } from './analyze-lines.js';

const analyzer = await createCommandAnalyzer(workerData as AnalyzeSettings);
parentPort!.on('message', (message: LineBatch & { seq: number }) => {
  parentPort!.postMessage({ seq: message.seq, ...analyzeBatch(analyzer, message) });
});
parentPort!.postMessage({ ready: true });
