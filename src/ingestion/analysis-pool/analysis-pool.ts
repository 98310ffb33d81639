import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Analyzer, PostAnalysis } from '../../analysis/index.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/app-config.js';
import { AnalyzerRegistry, type AnalysisConfiguration } from '../../topics/analyzer-registry.service.js';
import type { FromAnalysisThread, ThreadConfiguration, ToAnalysisThread } from './analysis-messages.js';

interface PendingBatch {
  resolve(analyses: PostAnalysis[]): void;
  reject(error: Error): void;
}

export interface VersionedAnalyses {
  analyses: PostAnalysis[];
  /** AnalyzerRegistry.versionOf the analyzer used (undefined for an analyzer it did not compile). */
  version?: string;
}

/** One worker thread and the batches sent to it that have not come back. */
class AnalysisThread {
  readonly pending = new Map<number, PendingBatch>();
  busyMs = 0;

  constructor(
    readonly worker: Worker,
    /** The analyzer whose configuration this thread was last sent. */
    public configuredFor?: Analyzer,
  ) {}
}

/**
 * The ingest worker's analysis off the event loop: `analyze` hands a batch's texts to one of `analysisThreads` worker
 * threads (PANTAU_ANALYSIS_THREADS, default the cores less one), so that the analysis of one batch runs while the
 * event loop writes the previous one (ingest concurrency ≥ 2). Each thread rebuilds the analyzer AnalyzerRegistry hands
 * out now, from the configuration it was compiled from (createConfiguredAnalyzer, the same code), and is sent the new
 * configuration whenever the registry's analyzer changes (topics, categories, overrides, the active model): a batch
 * is analysed by the configuration in force when it started, exactly as in the event loop. With 0 threads the
 * registry's analyzer runs in the event loop. Processes that run workers start their threads at boot (each loads the
 * gazetteer and models, ≈ 1–2 s of CPU, not paid by the first batch); others (API-only, `pantau import`) on first use.
 */
@Injectable()
export class AnalysisPool implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(AnalysisPool.name);
  private readonly threads: (AnalysisThread | undefined)[];
  private nextId = 1;
  private closed = false;
  /** The last model sent to threads as JSON, by id (a topic change does not re-send a large model). */
  private modelJson?: { id: string; json: unknown };

  constructor(
    private readonly registry: AnalyzerRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.threads = Array.from({ length: config.analysisThreads }, () => undefined);
  }

  onApplicationBootstrap(): void {
    if (this.config.role !== 'api' && this.threads.length > 0) {
      this.warmUp().catch((error: unknown) => {
        // A stop during the warm-up terminates the threads (exit code 1): that is not a failure worth a warning.
        if (!this.closed) {
          this.logger.warn(`Analysis threads not warmed up: ${String(error)}`);
        }
      });
    }
  }

  /** Starts and configures every thread (one empty text each); resolves when they are ready. */
  async warmUp(): Promise<void> {
    await Promise.all(this.threads.map(() => this.analyze([''])));
  }

  /** The analyses of `texts`, in order, by the analyzer in force now. */
  async analyze(texts: string[]): Promise<PostAnalysis[]> {
    return (await this.analyzeVersioned(texts)).analyses;
  }

  /**
   * The analyses of `texts` and the configuration version they were made under (what the batch's transaction checks,
   * src/topics/configuration-fence.ts). `fresh` skips the registry's few seconds of caching (a batch found stale).
   */
  async analyzeVersioned(texts: string[], options: { fresh?: boolean } = {}): Promise<VersionedAnalyses> {
    const analyzer = options.fresh ? await this.registry.fresh() : await this.registry.current();
    const version = this.registry.versionOf(analyzer);
    return { analyses: await this.analyzeWith(analyzer, texts), version };
  }

  private async analyzeWith(analyzer: Analyzer, texts: string[]): Promise<PostAnalysis[]> {
    const configuration = this.registry.configurationOf(analyzer);
    if (this.threads.length === 0 || this.closed || !configuration) {
      return texts.map((text) => analyzer.analyze(text));
    }
    const thread = this.leastBusyThread();
    if (thread.configuredFor !== analyzer) {
      this.send(thread, { type: 'configure', configuration: this.forThread(configuration) });
      thread.configuredFor = analyzer;
    }
    const id = this.nextId++;
    return new Promise<PostAnalysis[]>((resolve, reject) => {
      thread.pending.set(id, { resolve, reject });
      this.send(thread, { type: 'analyze', id, texts });
    });
  }

  /** Milliseconds the threads spent analysing since they started (for benchmarks). */
  threadBusyMs(): number {
    return this.threads.reduce((sum, thread) => sum + (thread?.busyMs ?? 0), 0);
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    const started = this.threads.filter((thread): thread is AnalysisThread => thread !== undefined);
    await Promise.all(started.map((thread) => thread.worker.terminate()));
  }

  private leastBusyThread(): AnalysisThread {
    let best: AnalysisThread | undefined;
    for (let index = 0; index < this.threads.length; index++) {
      const thread = (this.threads[index] ??= this.start(index));
      if (!best || thread.pending.size < best.pending.size) {
        best = thread;
      }
    }
    return best as AnalysisThread;
  }

  private start(index: number): AnalysisThread {
    const worker = new Worker(threadScript());
    // An idle thread must not keep a process alive that has nothing else to do (a CLI import at its end).
    worker.unref();
    const thread = new AnalysisThread(worker);
    worker.on('message', (message: FromAnalysisThread) => {
      const batch = thread.pending.get(message.id);
      thread.pending.delete(message.id);
      if (message.type === 'analysed') {
        thread.busyMs += message.busyMs;
        batch?.resolve(message.analyses);
      } else {
        batch?.reject(new Error(`Analisis gagal: ${message.message}`));
      }
    });
    const fail = (error: Error) => {
      if (this.threads[index] === thread) {
        this.threads[index] = undefined; // the next batch starts a new thread
      }
      for (const batch of thread.pending.values()) {
        batch.reject(error);
      }
      thread.pending.clear();
    };
    worker.on('error', (error) => {
      this.logger.error(`Analysis thread ${index} failed: ${error.message}`);
      fail(error);
    });
    worker.on('exit', (code) => fail(new Error(`analysis thread ${index} exited (code ${code})`)));
    return thread;
  }

  private send(thread: AnalysisThread, message: ToAnalysisThread): void {
    thread.worker.postMessage(message);
  }

  private forThread(configuration: AnalysisConfiguration): ThreadConfiguration {
    const model = configuration.sentimentModel;
    if (model && this.modelJson?.id !== model.id) {
      this.modelJson = { id: model.id, json: model.classifier.toJSON() };
    }
    return {
      ...configuration,
      sentimentModel: model && { id: model.id, version: model.version, json: this.modelJson?.json },
      homeRegion: this.config.homeRegion,
    };
  }
}

/**
 * The compiled thread script beside this module. Under jest this module runs from its TypeScript source, and the
 * thread runs the build's copy of the script (`npm test` builds first).
 */
function threadScript(): URL {
  const here = new URL('./analysis-thread.js', import.meta.url);
  if (existsSync(fileURLToPath(here))) {
    return here;
  }
  const marker = '/src/ingestion/analysis-pool/';
  const at = here.href.lastIndexOf(marker);
  return new URL(`${here.href.slice(0, at)}/dist${here.href.slice(at)}`);
}
