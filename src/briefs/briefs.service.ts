/**
 * The telaahan workflow: draft from an issue's figures, edit (drafts and returned briefs only), submit, return with
 * a comment or approve. Every saved state is a version; every transition is in the audit log. An approved brief is
 * immutable; a revision starts a new draft that links to it.
 */
import { BadRequestException, ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../auth/audit.service.js';
import type { Principal } from '../auth/principal.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { localDate } from '../issues/working-day-calendar.js';
import { isUuid } from '../issues/issues.repository.js';
import { draftBrief } from './brief-drafter.js';
import { BriefFiguresService } from './brief-figures.service.js';
import type { BriefHeader } from './brief-header.js';
import { BriefTemplateService } from './brief-template.service.js';
import type { BriefAction, BriefListItem, BriefState, BriefVersionView, BriefView } from './brief.types.js';
import { BriefsRepository } from './briefs.repository.js';
import { ProseOutcome, ProseRefiner } from './prose/prose-refiner.js';
import type { HeaderPatchDto, PatchBriefDto } from './dto/brief-requests.dto.js';
import { BriefSections, plainText, RichTextError, SectionKey, validateSections } from './rich-text.js';

/** Sections a brief cannot be submitted without (Dasar and Praanggapan are optional per deployment). */
const REQUIRED_SECTIONS: SectionKey[] = ['persoalan', 'fakta', 'analisis', 'kesimpulan', 'saran'];
const EDITABLE: BriefState[] = ['draft', 'returned'];

const STATE_WORDS: Record<BriefState, string> = {
  draft: 'draf',
  submitted: 'diajukan',
  approved: 'disetujui',
  returned: 'dikembalikan',
};

@Injectable()
export class BriefsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly briefs: BriefsRepository,
    private readonly figures: BriefFiguresService,
    private readonly templates: BriefTemplateService,
    private readonly audit: AuditService,
    private readonly prose: ProseRefiner,
  ) {}

  async create(issueId: string, actor: Principal | undefined): Promise<BriefView> {
    const [figures, template] = await Promise.all([this.figures.collect(issueId), this.templates.get()]);
    const draft = draftBrief(figures, template, localDate(new Date(), this.config.timeZone));
    const { sections, prose } = await this.prose.refine(draft.sections);
    const id = await this.briefs.transaction(async (manager) => {
      const newId = await this.briefs.insert(manager, {
        issueId: figures.issue.id,
        title: draft.title,
        sections,
        header: draft.header,
        figures,
        revisionOf: null,
        authorId: userIdOf(actor),
      });
      await this.briefs.recordVersion(manager, newId, this.entry('create', actor, proseNote(prose)));
      return newId;
    });
    await this.record('brief.create', id, actor, { issueId: figures.issue.id, prose: prose.source });
    return this.get(id);
  }

  /** A new draft from an approved brief (same sections, header and figures), linked to it. */
  async revise(id: string, actor: Principal | undefined): Promise<BriefView> {
    const source = await this.get(id);
    if (source.state !== 'approved') {
      throw new ConflictException('Hanya telaahan yang sudah disetujui yang dapat direvisi; ubah drafnya langsung');
    }
    const newId = await this.briefs.transaction(async (manager) => {
      const created = await this.briefs.insert(manager, {
        issueId: source.issueId ?? source.figures.issue.id,
        title: source.title,
        sections: source.sections,
        header: source.header,
        figures: source.figures,
        revisionOf: source.id,
        authorId: userIdOf(actor),
      });
      await this.briefs.recordVersion(manager, created, this.entry('create', actor, `Revisi dari ${source.id}`));
      return created;
    });
    await this.record('brief.revise', newId, actor, { revisionOf: source.id });
    return this.get(newId);
  }

  async get(id: string): Promise<BriefView> {
    const brief = isUuid(id) ? await this.briefs.find(id) : null;
    if (!brief) {
      throw new NotFoundException(`Telaahan ${id} tidak ditemukan`);
    }
    return brief;
  }

  list(filter: { state?: string; issueId?: string }): Promise<BriefListItem[]> {
    return this.briefs.list(filter);
  }

  async versions(id: string): Promise<BriefVersionView[]> {
    await this.get(id);
    return this.briefs.versions(id);
  }

  async patch(id: string, body: PatchBriefDto, actor: Principal | undefined): Promise<BriefView> {
    if (body.sections === undefined && body.header === undefined) {
      throw new BadRequestException(['sections: isi bagian atau header yang diubah']);
    }
    const patch = body.sections === undefined ? {} : this.validSections(body.sections);
    await this.transition(id, EDITABLE, 'mengubah', async (manager, brief) => {
      const sections: BriefSections = { ...brief.sections };
      for (const [key, section] of Object.entries(patch) as [SectionKey, BriefSections[SectionKey] | null][]) {
        if (section === null) {
          if (REQUIRED_SECTIONS.includes(key)) {
            throw new BadRequestException([`sections.${key}: bagian wajib tidak dapat dihapus`]);
          }
          delete sections[key];
        } else {
          sections[key] = section;
        }
      }
      const header = mergeHeader(brief.header, body.header);
      await this.briefs.saveContent(manager, id, { sections, header, state: brief.state });
      await this.briefs.recordVersion(manager, id, this.entry('edit', actor));
    });
    await this.record('brief.edit', id, actor, {
      sections: Object.keys(patch),
      header: Object.keys(body.header ?? {}),
    });
    return this.get(id);
  }

  async submit(id: string, actor: Principal | undefined): Promise<BriefView> {
    await this.transition(id, EDITABLE, 'mengajukan', async (manager, brief) => {
      const missing = REQUIRED_SECTIONS.filter((key) => plainText(brief.sections[key]).trim() === '');
      if (missing.length > 0) {
        throw new BadRequestException(missing.map((key) => `sections.${key}: bagian wajib masih kosong`));
      }
      await this.briefs.markSubmitted(manager, id, userIdOf(actor));
      await this.briefs.recordVersion(manager, id, this.entry('submit', actor));
    });
    await this.record('brief.submit', id, actor);
    return this.get(id);
  }

  async approve(id: string, comment: string | undefined, actor: Principal | undefined): Promise<BriefView> {
    await this.transition(id, ['submitted'], 'menyetujui', async (manager) => {
      await this.briefs.markDecided(manager, id, {
        state: 'approved',
        actorId: userIdOf(actor),
        note: comment ?? null,
      });
      await this.briefs.recordVersion(manager, id, this.entry('approve', actor, comment));
    });
    await this.record('brief.approve', id, actor);
    return this.get(id);
  }

  async returnToAnalyst(id: string, comment: string, actor: Principal | undefined): Promise<BriefView> {
    const note = comment.trim();
    await this.transition(id, ['submitted'], 'mengembalikan', async (manager) => {
      await this.briefs.markDecided(manager, id, { state: 'returned', actorId: userIdOf(actor), note });
      await this.briefs.recordVersion(manager, id, this.entry('return', actor, note));
    });
    await this.record('brief.return', id, actor, { comment: note.slice(0, 500) });
    return this.get(id);
  }

  /** Runs `work` on the locked brief if its state is one of `from`; 409 naming the state otherwise. */
  private async transition(
    id: string,
    from: BriefState[],
    verb: string,
    work: (manager: EntityManager, brief: BriefView) => Promise<void>,
  ): Promise<void> {
    if (!isUuid(id)) {
      throw new NotFoundException(`Telaahan ${id} tidak ditemukan`);
    }
    await this.briefs.transaction(async (manager) => {
      const brief = await this.briefs.lock(manager, id);
      if (!brief) {
        throw new NotFoundException(`Telaahan ${id} tidak ditemukan`);
      }
      if (!from.includes(brief.state)) {
        throw new ConflictException(
          `Tidak dapat ${verb} telaahan berstatus ${STATE_WORDS[brief.state]}` +
            (brief.state === 'approved' ? '; telaahan yang disetujui tidak dapat diubah, buat revisi' : ''),
        );
      }
      await work(manager, brief);
    });
  }

  private validSections(value: Record<string, unknown>) {
    try {
      return validateSections(value);
    } catch (error) {
      if (error instanceof RichTextError) {
        throw new BadRequestException([error.message]);
      }
      throw error;
    }
  }

  private entry(action: BriefAction, actor: Principal | undefined, comment?: string | null) {
    return {
      action,
      comment: comment ?? null,
      actorId: userIdOf(actor),
      actorUsername: actor?.kind === 'user' ? actor.username : null,
    };
  }

  private record(action: string, id: string, actor: Principal | undefined, details: Record<string, unknown> = {}) {
    return this.audit.record({ actor: actor ?? null, action, targetType: 'brief', targetId: id, details });
  }
}

function mergeHeader(header: BriefHeader, patch: HeaderPatchDto | undefined): BriefHeader {
  if (!patch) {
    return header;
  }
  const { penandatangan, ...fields } = patch;
  const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  return {
    ...header,
    ...defined,
    penandatangan: {
      ...header.penandatangan,
      ...Object.fromEntries(Object.entries(penandatangan ?? {}).filter(([, v]) => v !== undefined)),
    },
  };
}

function userIdOf(actor: Principal | undefined): string | null {
  return actor?.kind === 'user' ? actor.userId : null;
}

/** The version note of a first draft when the prose step ran: kept, or why the template text stayed. */
function proseNote(prose: ProseOutcome): string | null {
  if (prose.source === 'llm') {
    return 'Kalimat Analisis dan Kesimpulan dirapikan oleh model bahasa; angka dan nama diperiksa tidak berubah';
  }
  return prose.reason ? `Teks templat dipakai: ${prose.reason}` : null;
}
