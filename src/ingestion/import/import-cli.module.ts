import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../../config/app-config.js';
import { ConfigModule } from '../../config/config.module.js';
import { dataSourceOptions } from '../../database/data-source.js';
import type { QueueBackend } from '../../queue/queue-backend.js';
import { QueueModule } from '../../queue/queue.module.js';
import { AuditService } from '../../auth/audit.service.js';
import { IngestionModule } from '../ingestion.module.js';

/**
 * What `pantau import` needs of the application: the database and the ingestion module, so that a
 * file is analysed and stored by the ingest worker's own code (IngestService.processBatch). Built
 * with role `api`, so this process consumes no queue jobs.
 */
/** The audit log without the rest of AuthModule (global there; the CLI loads no HTTP side). */
@Global()
@Module({ providers: [AuditService], exports: [AuditService] })
class ImportCliAuditModule {}

@Module({})
export class ImportCliModule {
  static forRoot(config: AppConfig, backend: QueueBackend): DynamicModule {
    return {
      module: ImportCliModule,
      imports: [
        ConfigModule.forRoot({ ...config, role: 'api' }),
        TypeOrmModule.forRoot({
          ...dataSourceOptions(config.databaseUrl ?? ''),
          autoLoadEntities: true,
          migrations: [],
        }),
        QueueModule.forRoot(backend),
        ImportCliAuditModule,
        IngestionModule,
      ],
    };
  }
}
