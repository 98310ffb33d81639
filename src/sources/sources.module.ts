import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { IngestionModule } from '../ingestion/ingestion.module.js';
import { CredentialsCipher } from './credentials-cipher.js';
import { DemoStreamService } from './demo-stream.service.js';
import { Source } from './entities/source.entity.js';
import { SourceImport } from './entities/source-import.entity.js';
import { NearDuplicatesController } from './near-duplicates.controller.js';
import { NearDuplicatesService } from './near-duplicates.service.js';
import { SourceFetchProcessor } from './source-fetch.processor.js';
import { SourceFetchService } from './source-fetch.service.js';
import { SourceScheduler } from './source-scheduler.service.js';
import { SourcesBootstrap } from './sources-bootstrap.service.js';
import { SourceImportsController } from './source-imports.controller.js';
import { SourceImportsRepository } from './source-imports.repository.js';
import { SourceImportsService } from './source-imports.service.js';
import { SourcesController } from './sources.controller.js';
import { SourcesRepository } from './sources.repository.js';
import { SourcesService } from './sources.service.js';

/**
 * Sources: admin API, encrypted credentials, schedules, the fetch worker, the demo stream, file imports.
 * AuditService and ApiKeyService come from the global AuthModule.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Source, SourceImport]), IngestionModule],
  controllers: [SourcesController, SourceImportsController, NearDuplicatesController],
  providers: [
    {
      provide: CredentialsCipher,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new CredentialsCipher(config.secret),
    },
    SourcesRepository,
    SourceScheduler,
    SourcesService,
    SourceFetchService,
    SourceFetchProcessor,
    DemoStreamService,
    SourcesBootstrap,
    SourceImportsRepository,
    SourceImportsService,
    NearDuplicatesService,
  ],
  exports: [SourcesService],
})
export class SourcesModule {}
