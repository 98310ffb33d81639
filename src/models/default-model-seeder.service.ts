import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { loadDefaultSentimentModel } from '../analysis/model/index.js';
import { AnalyzerRegistry } from '../topics/analyzer-registry.service.js';

/** Serialises the first-start check across processes booting at once (API and workers). */
const SEED_LOCK = 'pantau:default-sentiment-model';

/**
 * First start: when no sentiment model has ever been stored, the shipped default (trained on SmSA, see NOTICE) is
 * stored as version 1 and made active, so the product analyses with a trained model from the first post. Once any
 * sentiment model exists nothing is seeded again: an admin who deactivated the default (lexicon only) keeps that
 * choice. A model trained from corrections replaces it only when it beats it on held-out corrections.
 *
 * It runs at module init (migrations ran before Nest started), before any bootstrap hook can analyse a post, and
 * drops this process's compiled analyzer when it stores the default: an analyzer compiled a moment earlier would
 * otherwise keep scoring with the lexicon until its next version check.
 */
@Injectable()
export class DefaultModelSeeder implements OnModuleInit {
  private readonly logger = new Logger('Models');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly analyzers: AnalyzerRegistry,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.seed();
  }

  /** Returns true when this call stored the default. */
  async seed(): Promise<boolean> {
    const model = loadDefaultSentimentModel().toJSON();
    const seeded = await this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [SEED_LOCK]);
      const rows = await manager.query<{ id: string }[]>(
        `INSERT INTO analysis_models (kind, version, model, metrics, active, trained_on, activated_at)
         SELECT 'sentiment', 1, $1, $2, true, $3, now()
         WHERE NOT EXISTS (SELECT 1 FROM analysis_models WHERE kind = 'sentiment')
         RETURNING id`,
        [JSON.stringify(model), JSON.stringify({ shippedDefault: model.id }), model.trainedOn],
      );
      return rows.length > 0;
    });
    if (seeded) {
      this.analyzers.invalidate();
      this.logger.log(`Default sentiment model ${model.id} stored and activated (first start)`);
    }
    return seeded;
  }
}
