import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { ApiKeyService } from '../auth/api-key.service.js';
import { AuditService } from '../auth/audit.service.js';
import { IngestionModule } from '../ingestion/ingestion.module.js';
import { CredentialsCipher } from './credentials-cipher.js';
import { DemoStreamService } from './demo-stream.service.js';
import { Source } from './entities/source.entity.js';
import { SourceImport } from './entities/source-import.entity.js';
import { SourceFetchProcessor } from './source-fetch.processor.js';
import { SourceFetchService } from './source-fetch.service.js';
import { SourceScheduler } from './source-scheduler.service.js';
import { SourcesBootstrap } from './sources-bootstrap.service.js';
import { SourcesController } from './sources.controller.js';
import { SourcesRepository } from './sources.repository.js';
import { SourcesService } from './sources.service.js';

/** Sources: admin API, encrypted credentials, schedules, the fetch worker, the demo stream, file imports. */
@Module({
  imports: [TypeOrmModule.forFeature([Source, SourceImport]), IngestionModule],
  controllers: [SourcesController],
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
    ApiKeyService,
    AuditService,
  ],
  exports: [SourcesService],
})
export class SourcesModule {}
