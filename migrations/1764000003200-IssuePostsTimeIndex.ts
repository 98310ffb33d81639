import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Time-window reads of an issue's posts (the daily report counts each issue's posts in the report period and the
 * 24 hours before it; IssuesService.postsInWindows): an index on issue_posts by issue and post time, with the post
 * id so the counts come from the index alone. The primary key (issue_id, post_id) cannot serve a time range.
 */
export class IssuePostsTimeIndex1764000003200 implements MigrationInterface {
  name = 'IssuePostsTimeIndex1764000003200';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX IF NOT EXISTS issue_posts_issue_time_idx ON issue_posts (issue_id, post_created_at) INCLUDE (post_id)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX IF EXISTS issue_posts_issue_time_idx`);
  }
}
