/**
 * Every migration, in order. Listed explicitly (not globbed) so the same list works compiled,
 * under jest, and from the CLI. Add new migrations at the end: `<epochMs>-<PascalName>.ts`.
 */
import { Foundation1764000000000 } from './1764000000000-Foundation.js';
import { SeedCategories1764000000001 } from './1764000000001-SeedCategories.js';
import { LoginThrottle1764000000200 } from './1764000000200-LoginThrottle.js';
import { SourceImports1764000000400 } from './1764000000400-SourceImports.js';
import { AnalysisAdmin1764000000600 } from './1764000000600-AnalysisAdmin.js';
import { IssueDetection1764000000800 } from './1764000000800-IssueDetection.js';
import { Alerts1764000000850 } from './1764000000850-Alerts.js';
import { IngestWritePath1764000001000 } from './1764000001000-IngestWritePath.js';
import { StatsRollups1764000001100 } from './1764000001100-StatsRollups.js';
import { Briefs1764000001200 } from './1764000001200-Briefs.js';
import { DailyReports1764000001600 } from './1764000001600-DailyReports.js';
import { TwoFactor1764000002300 } from './1764000002300-TwoFactor.js';
import { IssuePostsTimeIndex1764000003200 } from './1764000003200-IssuePostsTimeIndex.js';
import { PartitionPosts1764000003900 } from './1764000003900-PartitionPosts.js';
import { TopAuthorSummaries1764000004100 } from './1764000004100-TopAuthorSummaries.js';
import { DetectionSnapshots1764000004300 } from './1764000004300-DetectionSnapshots.js';
import { DailyRollups1764000004500 } from './1764000004500-DailyRollups.js';
import { AccountLanguage1764000004600 } from './1764000004600-AccountLanguage.js';

export const MIGRATIONS = [
  Foundation1764000000000,
  SeedCategories1764000000001,
  LoginThrottle1764000000200,
  SourceImports1764000000400,
  AnalysisAdmin1764000000600,
  IssueDetection1764000000800,
  Alerts1764000000850,
  IngestWritePath1764000001000,
  StatsRollups1764000001100,
  Briefs1764000001200,
  DailyReports1764000001600,
  TwoFactor1764000002300,
  IssuePostsTimeIndex1764000003200,
  PartitionPosts1764000003900,
  TopAuthorSummaries1764000004100,
  DetectionSnapshots1764000004300,
  DailyRollups1764000004500,
  AccountLanguage1764000004600,
];
