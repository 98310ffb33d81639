import { Module } from '@nestjs/common';
import { BuiltInLiveEventSources } from './events/built-in-sources.js';
import { LiveEventHub } from './events/live-event-hub.js';
import { LiveEventsController } from './events/live-events.controller.js';
import { StatsController } from './stats.controller.js';
import { StatsLabels } from './stats-labels.js';
import { StatsRepository } from './stats.repository.js';
import { StatsService } from './stats.service.js';

/**
 * The dashboard's aggregate API, read-only over the rollups RollupWriter keeps, and the live events stream
 * (docs/stats.md). Exports LiveEventHub (other modules register their event sources with it) and StatsService (the daily report reads it).
 */
@Module({
  controllers: [StatsController, LiveEventsController],
  providers: [StatsRepository, StatsLabels, StatsService, LiveEventHub, BuiltInLiveEventSources],
  exports: [LiveEventHub, StatsService],
})
export class StatsModule {}
