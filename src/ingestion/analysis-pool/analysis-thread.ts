/**
 * One analysis thread of the ingest worker (AnalysisPool): rebuilds the main thread's analyzer from the configuration
 * it is sent, with the same code (createConfiguredAnalyzer), and analyses batches of texts with it.
 */
import { parentPort } from 'node:worker_threads';
import { type Analyzer, loadGazetteer } from '../../analysis/index.js';
import { TextClassifier } from '../../analysis/model/index.js';
import { createConfiguredAnalyzer } from '../../topics/configured-analyzer.js';
import type { FromAnalysisThread, ThreadConfiguration, ToAnalysisThread } from './analysis-messages.js';

const port = parentPort;
if (!port) {
  throw new Error('analysis-thread.js runs as a worker thread of AnalysisPool');
}

async function build(configuration: ThreadConfiguration): Promise<Analyzer> {
  const { sentimentModel: model, homeRegion, ...rest } = configuration;
  return createConfiguredAnalyzer(
    {
      ...rest,
      sentimentModel: model && {
        id: model.id,
        version: model.version,
        classifier: TextClassifier.fromJSON(model.json),
      },
    },
    { homeRegion, gazetteer: await loadGazetteer() },
  );
}

let analyzer: Promise<Analyzer> | undefined;

port.on('message', (message: ToAnalysisThread) => {
  if (message.type === 'configure') {
    analyzer = build(message.configuration);
    // A failed build is reported by the batches that wait for it.
    analyzer.catch(() => undefined);
    return;
  }
  const { id, texts } = message;
  const ready = analyzer ?? Promise.reject(new Error('analysis thread not configured'));
  ready.then(
    (current) => {
      const started = process.hrtime.bigint();
      const analyses = texts.map((text) => current.analyze(text));
      const busyMs = Number(process.hrtime.bigint() - started) / 1e6;
      port.postMessage({ type: 'analysed', id, analyses, busyMs } satisfies FromAnalysisThread);
    },
    (error: unknown) => {
      port.postMessage({
        type: 'failed',
        id,
        message: String((error as Error)?.message ?? error),
      } satisfies FromAnalysisThread);
    },
  );
});
