/**
 * Display labels of stats keys: source names (sources table), category names (categories table), place names (the
 * gazetteer), sentiment in Indonesian. Names are untrusted text: the dashboard renders them as text.
 */
import { Injectable } from '@nestjs/common';
import { loadGazetteer } from '../analysis/index.js';
import { StatsRepository } from './stats.repository.js';

export const SENTIMENT_LABELS: Record<string, string> = { positive: 'Positif', neutral: 'Netral', negative: 'Negatif' };

export type LabelKind = 'source' | 'category' | 'sentiment' | 'opd' | 'region' | 'none';

@Injectable()
export class StatsLabels {
  constructor(private readonly repository: StatsRepository) {}

  /** A labeller for one response (reads the small label tables once). */
  async forKind(kind: LabelKind): Promise<(key: string) => string> {
    switch (kind) {
      case 'source': {
        const names = await this.repository.sourceNames();
        return (key) => names.get(key) ?? key;
      }
      case 'category': {
        const names = await this.repository.categoryNames();
        return (key) => names.get(key) ?? key;
      }
      case 'sentiment':
        return (key) => SENTIMENT_LABELS[key] ?? key;
      case 'region': {
        const gazetteer = await loadGazetteer();
        return (key) => gazetteer.lookup(key)?.name ?? key;
      }
      case 'opd':
      case 'none':
        return (key) => (key === '' ? 'Semua' : key);
    }
  }
}
