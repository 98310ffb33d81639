import type { DemoCategory } from './demo-post.types.js';
import type { TemplateBanks } from './template-engine.js';

/** Who writes a template: a news portal, an official account, or a resident. */
export type TemplateVoice = 'news' | 'official' | 'warga';

export interface BackgroundTemplate {
  /** Sentiment the text expresses. */
  s: 'neg' | 'neu' | 'pos';
  k: TemplateVoice;
  /** Register of a resident's post (news and official posts are always formal). */
  r?: 'f' | 'i';
  t: string;
}

export interface CategoryTemplates {
  category: DemoCategory;
  /** Relative share of background chatter. */
  weight: number;
  banks: TemplateBanks;
  hashtags: readonly string[];
  mentions: readonly string[];
  templates: readonly BackgroundTemplate[];
}
