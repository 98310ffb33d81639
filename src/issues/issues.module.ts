import { Module } from '@nestjs/common';
import { TopicsModule } from '../topics/topics.module.js';
import { DetectionEngine } from './detection-engine.service.js';
import { DetectionProcessor } from './detection.processor.js';
import { DetectionSnapshotRepository } from './detection-snapshot.repository.js';
import { DetectionStateModule } from './detection-state.module.js';
import { DispositionsController } from './dispositions.controller.js';
import { DispositionsService } from './dispositions.service.js';
import { IssueEvents } from './issue-events.js';
import { IssueFiguresRepository } from './issue-figures.repository.js';
import { IssuesController } from './issues.controller.js';
import { IssuesRepository } from './issues.repository.js';
import { IssuesService } from './issues.service.js';

/**
 * Emerging issues in the running system: ingest-time counts, the detection worker, the issues API, dispositions to
 * the OPD. Exports IssueEvents (created/updated issues after each pass) and the read side for other modules.
 */
@Module({
  imports: [DetectionStateModule, TopicsModule],
  controllers: [IssuesController, DispositionsController],
  providers: [
    IssueEvents,
    IssuesRepository,
    IssueFiguresRepository,
    IssuesService,
    DispositionsService,
    DetectionSnapshotRepository,
    DetectionEngine,
    DetectionProcessor,
  ],
  exports: [IssueEvents, IssuesService, IssuesRepository, DispositionsService],
})
export class IssuesModule {}
