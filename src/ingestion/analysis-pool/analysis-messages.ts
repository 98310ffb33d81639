import type { PostAnalysis } from '../../analysis/index.js';
import type { AnalysisConfiguration } from '../../topics/analyzer-registry.service.js';

/**
 * An analysis configuration as it crosses into a thread (structured clone): AnalyzerRegistry's configuration with the
 * sentiment model as its stored JSON, plus the process's home region.
 */
export type ThreadConfiguration = Omit<AnalysisConfiguration, 'sentimentModel'> & {
  sentimentModel?: { id: string; version: number; json: unknown };
  homeRegion?: string;
};

/** Main thread → analysis thread. Handled in order: an `analyze` uses the last `configure` sent before it. */
export type ToAnalysisThread =
  { type: 'configure'; configuration: ThreadConfiguration } | { type: 'analyze'; id: number; texts: string[] };

/** Analysis thread → main thread. */
export type FromAnalysisThread =
  | { type: 'analysed'; id: number; analyses: PostAnalysis[]; busyMs: number }
  | { type: 'failed'; id: number; message: string };
