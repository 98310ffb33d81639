/** The `briefs` and `brief_versions` tables: the only way to them. */
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { BriefHeader } from './brief-header.js';
import type {
  BriefAction,
  BriefFigures,
  BriefListItem,
  BriefState,
  BriefVersionView,
  BriefView,
} from './brief.types.js';
import type { BriefSections } from './rich-text.js';

interface BriefRow {
  id: string;
  kind: 'telaahan' | 'daily';
  issue_id: string | null;
  title: string;
  state: BriefState;
  sections: BriefSections;
  header: BriefHeader;
  figures: BriefFigures;
  version: number;
  revision_of: string | null;
  author_id: string | null;
  submitted_at: Date | null;
  decided_by: string | null;
  decided_at: Date | null;
  decision_note: string | null;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = `id, kind, issue_id, title, state, sections, header, figures, version, revision_of, author_id, submitted_at,
  decided_by, decided_at, decision_note, created_at, updated_at`;

export interface NewBrief {
  issueId: string;
  title: string;
  sections: BriefSections;
  header: BriefHeader;
  figures: BriefFigures;
  revisionOf: string | null;
  authorId: string | null;
}

export interface VersionEntry {
  action: BriefAction;
  comment?: string | null;
  actorId: string | null;
  actorUsername: string | null;
}

@Injectable()
export class BriefsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  async insert(manager: EntityManager, brief: NewBrief): Promise<string> {
    const [row] = await manager.query<{ id: string }[]>(
      `INSERT INTO briefs (kind, issue_id, title, state, sections, header, figures, version, revision_of, author_id)
       VALUES ('telaahan', $1, $2, 'draft', $3, $4, $5, 1, $6, $7) RETURNING id`,
      [
        brief.issueId,
        brief.title,
        JSON.stringify(brief.sections),
        JSON.stringify(brief.header),
        JSON.stringify(brief.figures),
        brief.revisionOf,
        brief.authorId,
      ],
    );
    return row.id;
  }

  /** The row locked for an update (FOR UPDATE), inside `manager`'s transaction. */
  async lock(manager: EntityManager, id: string): Promise<BriefView | null> {
    const [row] = await manager.query<BriefRow[]>(`SELECT ${COLUMNS} FROM briefs WHERE id = $1 FOR UPDATE`, [id]);
    return row ? toView(row) : null;
  }

  async find(id: string): Promise<BriefView | null> {
    const [row] = await this.db.query<BriefRow[]>(`SELECT ${COLUMNS} FROM briefs WHERE id = $1`, [id]);
    return row ? toView(row) : null;
  }

  async list(filter: { state?: string; issueId?: string }): Promise<BriefListItem[]> {
    const rows = await this.db.query<BriefRow[]>(
      `SELECT ${COLUMNS} FROM briefs
        WHERE kind = 'telaahan' AND ($1::text IS NULL OR state = $1) AND ($2::uuid IS NULL OR issue_id = $2)
        ORDER BY updated_at DESC, id LIMIT 500`,
      [filter.state ?? null, filter.issueId ?? null],
    );
    return rows.map((r) => {
      const { sections: _sections, figures: _figures, ...item } = toView(r);
      return item;
    });
  }

  async saveContent(
    manager: EntityManager,
    id: string,
    content: { sections: BriefSections; header: BriefHeader; state: BriefState },
  ): Promise<void> {
    await manager.query(
      `UPDATE briefs SET sections = $2, header = $3, state = $4, version = version + 1, updated_at = now()
        WHERE id = $1`,
      [id, JSON.stringify(content.sections), JSON.stringify(content.header), content.state],
    );
  }

  async markSubmitted(manager: EntityManager, id: string, actorId: string | null): Promise<void> {
    await manager.query(
      `UPDATE briefs SET state = 'submitted', submitted_by = $2, submitted_at = now(), version = version + 1,
              updated_at = now() WHERE id = $1`,
      [id, actorId],
    );
  }

  async markDecided(
    manager: EntityManager,
    id: string,
    decision: { state: 'approved' | 'returned'; actorId: string | null; note: string | null },
  ): Promise<void> {
    await manager.query(
      `UPDATE briefs SET state = $2, decided_by = $3, decided_at = now(), decision_note = $4, version = version + 1,
              updated_at = now() WHERE id = $1`,
      [id, decision.state, decision.actorId, decision.note],
    );
  }

  /** Records the brief as it now stands as version `briefs.version`. */
  async recordVersion(manager: EntityManager, id: string, entry: VersionEntry): Promise<void> {
    await manager.query(
      `INSERT INTO brief_versions (brief_id, version, action, state, sections, header, comment, actor_id, actor_username)
       SELECT id, version, $2, state, sections, header, $3, $4, $5 FROM briefs WHERE id = $1`,
      [id, entry.action, entry.comment ?? null, entry.actorId, entry.actorUsername],
    );
  }

  async versions(id: string): Promise<BriefVersionView[]> {
    const rows = await this.db.query<
      {
        version: number;
        action: BriefAction;
        state: BriefState;
        sections: BriefSections;
        header: BriefHeader;
        comment: string | null;
        actor_id: string | null;
        actor_username: string | null;
        created_at: Date;
      }[]
    >(
      `SELECT version, action, state, sections, header, comment, actor_id, actor_username, created_at
         FROM brief_versions WHERE brief_id = $1 ORDER BY version`,
      [id],
    );
    return rows.map((r) => ({
      version: r.version,
      action: r.action,
      state: r.state,
      sections: r.sections,
      header: r.header,
      comment: r.comment,
      actorId: r.actor_id,
      actorUsername: r.actor_username,
      at: new Date(r.created_at).toISOString(),
    }));
  }
}

function iso(at: Date | null): string | null {
  return at ? new Date(at).toISOString() : null;
}

function toView(r: BriefRow): BriefView {
  return {
    id: r.id,
    issueId: r.issue_id,
    kind: r.kind,
    title: r.title,
    state: r.state,
    sections: r.sections,
    header: r.header,
    version: r.version,
    figures: r.figures,
    revisionOf: r.revision_of,
    authorId: r.author_id,
    submittedAt: iso(r.submitted_at),
    decidedBy: r.decided_by,
    decidedAt: iso(r.decided_at),
    decisionNote: r.decision_note,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}
