import { stateName } from '../alerts/alert-rule-evaluator.js';
import type { AlertEvidence } from '../alerts/alert.types.js';

/**
 * The three renderings of an alert, in formal Bahasa Indonesia. Labels, post texts, authors, place
 * and rule names are untrusted: every one is escaped for the medium (HTML for Telegram and e-mail).
 */

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Telegram's HTML mode knows only &lt; &gt; &amp; &quot;: no &#39;. */
export function escapeTelegram(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** One line for headers and subjects: no CR/LF or other control characters. */
export function singleLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
}

const pct = (value: number): string => `${Math.round(value * 100)}%`;
const num = (value: number): string => Math.round(value).toLocaleString('id-ID');

export interface AlertFact {
  name: string;
  value: string;
}

/** The facts every rendering lists, as plain (unescaped) text. */
export function alertFacts(evidence: AlertEvidence): AlertFact[] {
  const { issue, sentiment } = evidence;
  const facts: AlertFact[] = [
    { name: 'Aturan', value: evidence.rule.name },
    { name: 'Status', value: stateName(issue.state) },
    {
      name: 'Tingkat keparahan',
      value: `${Math.round(issue.severity)}/100${issue.severityLevel ? ` (${issue.severityLevel})` : ''}`,
    },
    { name: 'Kategori', value: issue.category ?? '-' },
    { name: 'OPD', value: issue.opd ?? '-' },
    { name: 'Jumlah unggahan', value: `${num(issue.postCount)} dari ${num(issue.authorCount)} akun` },
    {
      name: 'Sentimen',
      value: `negatif ${pct(sentiment.negativeShare)} (negatif ${num(sentiment.negative)}, netral ${num(sentiment.neutral)}, positif ${num(sentiment.positive)})`,
    },
    { name: 'Lokasi', value: evidence.places.length > 0 ? evidence.places.map((place) => place.name).join(', ') : '-' },
    { name: 'Pertama terdeteksi', value: formatTime(issue.firstDetectedAt) },
  ];
  if (issue.campaign) {
    facts.push({ name: 'Catatan', value: 'sebagian besar unggahan berupa salinan (indikasi kampanye terkoordinasi)' });
  }
  return facts;
}

function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function alertTitle(evidence: AlertEvidence): string {
  return `Peringatan isu: ${evidence.issue.label}`;
}

/** Telegram allows 4,096 characters per message; texts are cut before escaping so no entity is split. */
export function renderTelegram(evidence: AlertEvidence): string {
  const lines = [`<b>⚠️ ${escapeTelegram(alertTitle(evidence))}</b>`, ''];
  for (const fact of alertFacts(evidence)) {
    lines.push(`<b>${escapeTelegram(fact.name)}:</b> ${escapeTelegram(fact.value)}`);
  }
  lines.push('', '<b>Kondisi yang terpenuhi:</b>');
  for (const check of evidence.matched) {
    lines.push(`• ${escapeTelegram(check.explanation)}`);
  }
  if (evidence.topPosts.length > 0) {
    lines.push('', '<b>Unggahan teratas:</b>');
    evidence.topPosts.forEach((post, index) => {
      const author = post.author ? ` — ${escapeTelegram(post.author)}` : '';
      const link = post.url ? ` (<a href="${escapeTelegram(post.url)}">tautan</a>)` : '';
      lines.push(`${index + 1}. «${escapeTelegram(telegramCut(post.text))}»${author}${link}`);
    });
  }
  lines.push('', `<a href="${escapeTelegram(evidence.link)}">Buka isu di Pantau Isu</a>`);
  return lines.join('\n');
}

function telegramCut(text: string): string {
  const chars = Array.from(singleLine(text));
  return chars.length <= 280 ? chars.join('') : `${chars.slice(0, 279).join('')}…`;
}

export interface EmailMessage {
  subject: string;
  text: string;
  html: string;
  attachments?: { filename: string; content: Buffer; contentType: string }[];
}

export function renderEmail(evidence: AlertEvidence): EmailMessage {
  const facts = alertFacts(evidence);
  const text = [
    alertTitle(evidence),
    '',
    ...facts.map((fact) => `${fact.name}: ${fact.value}`),
    '',
    'Kondisi yang terpenuhi:',
    ...evidence.matched.map((check) => `- ${check.explanation}`),
    '',
    ...(evidence.topPosts.length > 0
      ? [
          'Unggahan teratas:',
          ...evidence.topPosts.map(
            (post, index) =>
              `${index + 1}. "${singleLine(post.text)}"${post.author ? ` — ${post.author}` : ''}${post.url ? `\n   ${post.url}` : ''}`,
          ),
          '',
        ]
      : []),
    `Buka isu di Pantau Isu: ${evidence.link}`,
    '',
    'Pesan ini dikirim otomatis oleh Pantau Isu. Tandai sebagai positif palsu di aplikasi bila peringatan ini tidak tepat.',
  ].join('\n');

  const html = [
    '<!doctype html><html lang="id"><body style="font-family:sans-serif">',
    `<h2>${escapeHtml(alertTitle(evidence))}</h2>`,
    '<table cellpadding="4">',
    ...facts.map((fact) => `<tr><th align="left">${escapeHtml(fact.name)}</th><td>${escapeHtml(fact.value)}</td></tr>`),
    '</table>',
    '<h3>Kondisi yang terpenuhi</h3><ul>',
    ...evidence.matched.map((check) => `<li>${escapeHtml(check.explanation)}</li>`),
    '</ul>',
    ...(evidence.topPosts.length > 0
      ? [
          '<h3>Unggahan teratas</h3><ol>',
          ...evidence.topPosts.map(
            (post) =>
              `<li><q>${escapeHtml(post.text)}</q>${post.author ? ` — ${escapeHtml(post.author)}` : ''}` +
              `${post.url ? ` (<a href="${escapeHtml(post.url)}">tautan</a>)` : ''}</li>`,
          ),
          '</ol>',
        ]
      : []),
    `<p><a href="${escapeHtml(evidence.link)}">Buka isu di Pantau Isu</a></p>`,
    '<p style="color:#666;font-size:small">Pesan ini dikirim otomatis oleh Pantau Isu. Tandai sebagai positif palsu di aplikasi bila peringatan ini tidak tepat.</p>',
    '</body></html>',
  ].join('\n');

  return { subject: singleLine(`[Pantau Isu] ${alertTitle(evidence)}`).slice(0, 200), text, html };
}

export interface WebhookPayload {
  event: 'alert.created';
  alertId: string;
  deliveryId: string;
  createdAt: string;
  sentAt: string;
  title: string;
  evidence: AlertEvidence;
}

/** JSON: values are data, escaped by JSON.stringify; the receiver renders them as it must. */
export function renderWebhook(
  alert: { id: string; deliveryId: string; createdAt: string },
  evidence: AlertEvidence,
  sentAt: Date,
): WebhookPayload {
  return {
    event: 'alert.created',
    alertId: alert.id,
    deliveryId: alert.deliveryId,
    createdAt: alert.createdAt,
    sentAt: sentAt.toISOString(),
    title: alertTitle(evidence),
    evidence,
  };
}
