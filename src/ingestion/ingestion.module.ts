import { Module } from '@nestjs/common';
import { TopicsModule } from '../topics/topics.module.js';
import { AnalysisPool } from './analysis-pool/analysis-pool.js';
import { IngestController } from './ingest.controller.js';
import { IngestProcessor } from './ingest.processor.js';
import { IngestService } from './ingest.service.js';
import { PostStoreModule } from './post-store.module.js';

@Module({
  imports: [TopicsModule, PostStoreModule],
  controllers: [IngestController],
  providers: [IngestService, IngestProcessor, AnalysisPool],
  exports: [IngestService],
})
export class IngestionModule {}
