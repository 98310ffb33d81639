import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ScheduleModule } from '@nestjs/schedule';
import { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { dataSourceOptions } from './database/data-source.js';
import { QueueBackend } from './queue/queue-backend.js';
import { QueueModule } from './queue/queue.module.js';
import { HealthModule } from './health/health.module.js';
import { AuthModule } from './auth/auth.module.js';
import { IngestionModule } from './ingestion/ingestion.module.js';
import { PostsModule } from './posts/posts.module.js';
import { SourcesModule } from './sources/sources.module.js';
import { TopicsModule } from './topics/topics.module.js';
import { ModelsModule } from './models/models.module.js';
import { AlertsModule } from './alerts/alerts.module.js';
import { IssuesModule } from './issues/issues.module.js';
import { StatsModule } from './stats/stats.module.js';
import { BriefsModule } from './briefs/briefs.module.js';
import { ReportsModule } from './reports/reports.module.js';
import { PrivacyModule } from './privacy/privacy.module.js';

/**
 * The whole application. `config` has been validated and `config.databaseUrl` resolved (embedded
 * or external) before this module is built; `backend` is the BullMQ backend chosen for it.
 */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, backend: QueueBackend): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRoot({
          ...dataSourceOptions(config.databaseUrl ?? ''),
          autoLoadEntities: true,
          migrations: [],
        }),
        ScheduleModule.forRoot(),
        QueueModule.forRoot(backend),
        AuthModule,
        HealthModule,
        TopicsModule,
        ModelsModule,
        IngestionModule,
        PostsModule,
        IssuesModule,
        AlertsModule,
        SourcesModule,
        StatsModule,
        BriefsModule,
        ReportsModule,
        PrivacyModule,
      ],
    };
  }
}
