/**
 * Registers ingest-time counting with the ingest worker: every batch's inserted posts are counted for detection in the
 * batch's own transaction (so counts and posts commit together, and a retried batch counts nothing twice).
 */
import { Injectable, OnModuleInit } from '@nestjs/common';
import { IngestService } from '../ingestion/ingest.service.js';
import { DetectionStateRepository } from './detection-state.repository.js';

@Injectable()
export class DetectionIngestHook implements OnModuleInit {
  constructor(
    private readonly ingest: IngestService,
    private readonly state: DetectionStateRepository,
  ) {}

  onModuleInit(): void {
    this.ingest.registerAfterInsert((manager, inserted) => this.state.countInserted(manager, inserted));
  }
}
