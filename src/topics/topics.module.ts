import { Module } from '@nestjs/common';
import { AnalyzerRegistry } from './analyzer-registry.service.js';

/** Tracked topics and the analysis configuration (rules, overrides) that every process compiles. */
@Module({
  providers: [AnalyzerRegistry],
  exports: [AnalyzerRegistry],
})
export class TopicsModule {}
