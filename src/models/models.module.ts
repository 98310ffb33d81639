import { Module } from '@nestjs/common';
import { PostStoreModule } from '../ingestion/post-store.module.js';
import { TopicsModule } from '../topics/topics.module.js';
import { CorrectionsController } from './corrections.controller.js';
import { CorrectionsService } from './corrections.service.js';
import { ModelTrainingService } from './model-training.service.js';
import { ModelsController } from './models.controller.js';
import { ModelsProcessor } from './models.processor.js';
import { ModelsRepository } from './models.repository.js';

/** Analysts' corrections and the trainable models learned from them (versioned, evaluated, activated). */
@Module({
  imports: [TopicsModule, PostStoreModule],
  controllers: [CorrectionsController, ModelsController],
  providers: [CorrectionsService, ModelsRepository, ModelTrainingService, ModelsProcessor],
})
export class ModelsModule {}
