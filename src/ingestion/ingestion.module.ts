import { Module } from '@nestjs/common';
import { TopicsModule } from '../topics/topics.module.js';
import { IngestController } from './ingest.controller.js';
import { IngestProcessor } from './ingest.processor.js';
import { IngestService } from './ingest.service.js';
import { PostStore } from './post-store.repository.js';
import { RollupWriter } from './rollup-writer.js';

@Module({
  imports: [TopicsModule],
  controllers: [IngestController],
  providers: [IngestService, PostStore, RollupWriter, IngestProcessor],
  exports: [IngestService],
})
export class IngestionModule {}
