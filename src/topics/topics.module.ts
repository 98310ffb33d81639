import { Module } from '@nestjs/common';
import { PostStoreModule } from '../ingestion/post-store.module.js';
import { AnalysisJobsRepository } from './analysis-jobs.repository.js';
import { AnalysisJobsService } from './analysis-jobs.service.js';
import { AnalysisProcessor } from './analysis.processor.js';
import { AnalysisRulesController } from './analysis-rules.controller.js';
import { AnalysisRulesService } from './analysis-rules.service.js';
import { AnalysisSettingsRepository } from './analysis-settings.repository.js';
import { AnalyzerRegistry } from './analyzer-registry.service.js';
import { CategoriesController } from './categories.controller.js';
import { HistoryBackfillService } from './history-backfill.service.js';
import { TopicsController } from './topics.controller.js';
import { TopicsRepository } from './topics.repository.js';
import { TopicsService } from './topics.service.js';

/**
 * Tracked topics and the analysis configuration (rules, overrides) that every process compiles,
 * with the background jobs that bring stored posts in line when they change.
 */
@Module({
  imports: [PostStoreModule],
  controllers: [TopicsController, AnalysisRulesController, CategoriesController],
  providers: [
    AnalyzerRegistry,
    AnalysisSettingsRepository,
    AnalysisJobsRepository,
    AnalysisJobsService,
    HistoryBackfillService,
    TopicsRepository,
    TopicsService,
    AnalysisRulesService,
    AnalysisProcessor,
  ],
  exports: [
    AnalyzerRegistry,
    AnalysisJobsRepository,
    AnalysisJobsService,
    HistoryBackfillService,
    AnalysisRulesService,
  ],
})
export class TopicsModule {}
