/**
 * A telaahan built from fixed figures (a flood in Sungai Kunjang, Samarinda): for renderer specs, the benchmark's
 * LibreOffice check and the screenshot in README. Not used by the running application.
 */
import { draftBrief } from '../brief-drafter.js';
import { DEFAULT_BRIEF_TEMPLATE, type BriefTemplate } from '../brief-template.js';
import type { BriefFigures, BriefView } from '../brief.types.js';

export function sampleFigures(): BriefFigures {
  const hour = (h: number) => new Date(Date.UTC(2026, 11, 1, h)).toISOString();
  const hourly = [3, 5, 12, 40, 85, 120, 96, 60, 31, 14].map((posts, i) => ({ hourStart: hour(i), posts }));
  const posts = hourly.reduce((s, h) => s + h.posts, 0);
  return {
    asOf: hour(10),
    timeZone: 'Asia/Makassar',
    zoneLabel: 'WITA',
    issue: {
      id: '00000000-0000-4000-8000-000000000001',
      label: 'Banjir Sungai Kunjang',
      category: 'bencana',
      categoryName: 'Bencana',
      opd: 'BPBD',
      severity: 68.4,
      severityLevel: 'tinggi',
      campaign: false,
      firstDetectedAt: hour(2),
      state: 'trending',
      link: 'http://localhost:3000/issues/00000000-0000-4000-8000-000000000001',
    },
    posts,
    authors: 322,
    firstPostAt: hour(0),
    lastPostAt: new Date(Date.UTC(2026, 11, 1, 9, 48)).toISOString(),
    periodHours: 24,
    currentPeriodPosts: posts,
    previousPeriodPosts: 37,
    sentiment: { positive: 21, neutral: 148, negative: 297, unknown: 0 },
    places: [
      { code: '64.72.05', name: 'Sungai Kunjang', posts: 301 },
      { code: '64.72', name: 'Kota Samarinda', posts: 122 },
    ],
    nearDuplicatePosts: 44,
    hourly,
    peak: { hourStart: hour(5), posts: 120 },
    quotes: [
      'Banjir lagi di Sungai Kunjang, air sudah sepinggang, banyak warga mengungsi ke masjid. Mohon perhatian pemkot.',
      'Rumah mertua di Sungai Kunjang kena banjir, lansia di RT sebelah perlu dievakuasi, tolong BPBD segera kirim perahu.',
      'Kondisi banjir di Sungai Kunjang makin tinggi, listrik di gang kami sudah dipadamkan. Hubungi [TELEPON] kalau ada perahu.',
      'Update banjir Sungai Kunjang: jalan ke pasar tidak bisa dilalui, pengungsi butuh makanan dan selimut.',
    ].map((text, i) => ({
      postId: String(1000 + i),
      createdAt: new Date(Date.UTC(2026, 11, 1, 4 + i, 12 + i)).toISOString(),
      author: `warga_${i + 1}`,
      source: 'Mastodon',
      url: `https://mastodon.example/@warga_${i + 1}/${1000 + i}`,
      text,
    })),
    related: [
      {
        id: '00000000-0000-4000-8000-000000000002',
        label: 'Banjir Sungai Kunjang',
        firstDetectedAt: new Date(Date.UTC(2026, 9, 20)).toISOString(),
        outcome: 'followed_up',
      },
    ],
    relatedDays: 90,
    disposition: {
      status: 'none',
      opd: 'BPBD',
      forwardedAt: null,
      dueAt: new Date(Date.UTC(2026, 11, 4, 15, 59, 59, 999)).toISOString(),
      workingDays: 3,
      overdue: false,
    },
  };
}

export function sampleTemplate(): BriefTemplate {
  return {
    ...DEFAULT_BRIEF_TEMPLATE,
    letterhead: {
      government: 'PEMERINTAH KOTA SAMARINDA',
      office: 'Dinas Komunikasi dan Informatika',
      lines: ['Jalan Dahlia Nomor 81, Samarinda 75121', 'Telepon (0541) 000000 · diskominfo.samarindakota.go.id'],
      logo: null,
    },
    defaults: {
      ...DEFAULT_BRIEF_TEMPLATE.defaults,
      kepada: 'Yth. Wali Kota Samarinda',
      melalui: 'Sekretaris Daerah',
      penandatangan: {
        jabatan: 'Kepala Dinas Komunikasi dan Informatika',
        nama: 'Dra. Siti Aminah, M.Si.',
        pangkat: 'Pembina Utama Muda (IV/c)',
        nip: '19700101 199503 2 001',
      },
    },
  };
}

export function sampleBrief(template: BriefTemplate = sampleTemplate()): BriefView {
  const figures = sampleFigures();
  const draft = draftBrief(figures, template, '2026-12-01');
  return {
    id: '00000000-0000-4000-8000-00000000000a',
    issueId: figures.issue.id,
    kind: 'telaahan',
    title: draft.title,
    state: 'draft',
    sections: draft.sections,
    header: { ...draft.header, nomor: '000.1.2/123/Diskominfo' },
    version: 1,
    figures,
    revisionOf: null,
    authorId: null,
    submittedAt: null,
    decidedBy: null,
    decidedAt: null,
    decisionNote: null,
    createdAt: figures.asOf,
    updatedAt: figures.asOf,
  };
}
