import { Module } from '@nestjs/common';
import { PostsController } from './posts.controller.js';
import { PostsRepository } from './posts.repository.js';
import { RetentionProcessor } from './retention.processor.js';

@Module({
  controllers: [PostsController],
  providers: [PostsRepository, RetentionProcessor],
  exports: [PostsRepository],
})
export class PostsModule {}
