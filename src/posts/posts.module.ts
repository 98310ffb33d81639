import { Module } from '@nestjs/common';
import { PostStoreModule } from '../ingestion/post-store.module.js';
import { PostsController } from './posts.controller.js';
import { PostsRepository } from './posts.repository.js';
import { RetentionProcessor } from './retention.processor.js';

@Module({
  imports: [PostStoreModule],
  controllers: [PostsController],
  providers: [PostsRepository, RetentionProcessor],
  exports: [PostsRepository],
})
export class PostsModule {}
