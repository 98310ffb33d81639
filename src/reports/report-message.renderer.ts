/**
 * The daily report as a Telegram summary (HTML mode) and an e-mail (text and HTML; the DOCX/PDF are attached when
 * exports exist). Issue labels are untrusted: escaped for each medium.
 */
import { formatCount } from '../briefs/indonesian-format.js';
import { escapeHtml, escapeTelegram, singleLine, type EmailMessage } from '../notifications/alert-message.renderer.js';
import type { DailyReportContent } from './daily-report.types.js';

const pct = (share: number): string => `${Math.round(share * 100)}%`;

export function reportLink(publicUrl: string, reportId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/#/reports/${reportId}`;
}

function issueLines(content: DailyReportContent): string[] {
  return content.topIssues.map(
    (issue, index) =>
      `${index + 1}. ${singleLine(issue.label)} — ${formatCount(issue.posts.value)} unggahan, tingkat ${issue.severityLevel}, ` +
      `negatif ${pct(issue.sentiment.negative)}, ${issue.opd}`,
  );
}

function groupCounts(content: DailyReportContent): string {
  const { groups } = content;
  return (
    `Kabar baik: ${groups.kabarBaik.length} · Perlu perhatian: ${groups.perluPerhatian.length} · ` +
    `Perlu klarifikasi: ${groups.perluKlarifikasi.length} · Peringatan baru: ${content.newAlerts.length}`
  );
}

/** A short summary (well under Telegram's 4,096 characters) and the link to the report. */
export function renderReportTelegram(content: DailyReportContent, link: string): string {
  const lines = [
    `<b>${escapeTelegram(content.title)}</b>`,
    escapeTelegram(content.period.text),
    '',
    escapeTelegram(content.summary),
    '',
  ];
  if (content.topIssues.length > 0) {
    lines.push('<b>Isu menonjol:</b>', ...issueLines(content).map((line) => escapeTelegram(line.slice(0, 300))), '');
  }
  lines.push(
    escapeTelegram(groupCounts(content)),
    '',
    `<a href="${escapeTelegram(link)}">Buka laporan di Pantau Isu</a>`,
  );
  return lines.join('\n');
}

export function renderReportEmail(content: DailyReportContent, link: string): EmailMessage {
  const text = [
    content.title,
    content.period.text,
    '',
    content.summary,
    '',
    ...(content.topIssues.length > 0 ? ['Isu menonjol:', ...issueLines(content), ''] : []),
    groupCounts(content),
    '',
    `Laporan lengkap: ${link}`,
    '',
    'Pesan ini dikirim otomatis oleh Pantau Isu.',
  ].join('\n');
  const html = [
    '<!doctype html><html lang="id"><body style="font-family:sans-serif">',
    `<h2>${escapeHtml(content.title)}</h2>`,
    `<p>${escapeHtml(content.period.text)}</p>`,
    `<p>${escapeHtml(content.summary)}</p>`,
    ...(content.topIssues.length > 0
      ? [
          '<h3>Isu menonjol</h3><ol>',
          ...issueLines(content).map((line) => `<li>${escapeHtml(line.slice(3))}</li>`),
          '</ol>',
        ]
      : []),
    `<p>${escapeHtml(groupCounts(content))}</p>`,
    `<p><a href="${escapeHtml(link)}">Buka laporan di Pantau Isu</a></p>`,
    '<p style="color:#666;font-size:small">Pesan ini dikirim otomatis oleh Pantau Isu.</p>',
    '</body></html>',
  ].join('\n');
  return { subject: singleLine(`[Pantau Isu] ${content.title} ${content.reportDate}`).slice(0, 200), text, html };
}
