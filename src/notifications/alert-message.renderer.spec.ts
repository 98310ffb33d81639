import { buildEvidence } from '../alerts/alert-evidence.js';
import type { AlertableIssue } from '../alerts/alert.types.js';
import { renderEmail, renderTelegram, renderWebhook } from './alert-message.renderer.js';

const hostile: AlertableIssue = {
  id: '11111111-1111-4111-8111-111111111111',
  label: 'banjir <b>kunjang</b> & "pengungsi"',
  state: 'trending',
  severity: 81.26,
  severityLevel: 'kritis',
  category: 'bencana',
  opd: 'BPBD',
  postCount: 1200,
  authorCount: 830,
  firstDetectedAt: '2026-01-10T03:00:00.000Z',
  campaign: true,
  places: [{ code: '64.72', name: 'Samarinda <script>' }],
  sentiment: { positive: 1, neutral: 1, negative: 8 },
  topPosts: [
    {
      url: 'https://x.example/status/1?a=1&b=2',
      text: 'Air setinggi <a href="http://evil">dada</a> & naik',
      author: '@warga<1>',
    },
    { url: 'javascript:alert(1)', text: 'tautan berbahaya\r\nSubject: palsu', author: null },
  ],
};

const evidence = buildEvidence(
  { id: 'r1', name: 'Aturan <uji>' },
  hostile,
  [{ condition: 'states', matched: true, explanation: 'Status isu sedang meningkat; aturan meminta <x>.' }],
  'https://pantau.example.go.id/',
);

describe('alert messages', () => {
  it('should carry a link to the issue and only http(s) post links', () => {
    expect(evidence.link).toBe('https://pantau.example.go.id/#/issues/11111111-1111-4111-8111-111111111111');
    expect(evidence.topPosts.map((post) => post.url)).toEqual(['https://x.example/status/1?a=1&b=2', null]);
    expect(evidence.sentiment.negativeShare).toBe(0.8);
  });

  it('should escape every untrusted text in the Telegram HTML', () => {
    const html = renderTelegram(evidence);
    expect(html).toContain('banjir &lt;b&gt;kunjang&lt;/b&gt; &amp; &quot;pengungsi&quot;');
    expect(html).toContain('Air setinggi &lt;a href=&quot;http://evil&quot;&gt;dada&lt;/a&gt; &amp; naik');
    expect(html).toContain('@warga&lt;1&gt;');
    expect(html).toContain('Samarinda &lt;script&gt;');
    expect(html).toContain('Aturan &lt;uji&gt;');
    expect(html).toContain('<a href="https://x.example/status/1?a=1&amp;b=2">tautan</a>');
    expect(html).toContain('<a href="https://pantau.example.go.id/#/issues/11111111-1111-4111-8111-111111111111">');
    expect(html).not.toContain('javascript:');
    // The only tags are the ones the renderer writes.
    const tags = html.match(/<\/?[a-z]+/g) ?? [];
    expect(new Set(tags)).toEqual(new Set(['<b', '</b', '<a', '</a']));
  });

  it('should escape the e-mail HTML and keep the subject on one line', () => {
    const mail = renderEmail(evidence);
    expect(mail.subject).toBe('[Pantau Isu] Peringatan isu: banjir <b>kunjang</b> & "pengungsi"');
    expect(mail.html).toContain('banjir &lt;b&gt;kunjang&lt;/b&gt; &amp; &quot;pengungsi&quot;');
    expect(mail.html).not.toContain('<a href="http://evil">');
    expect(mail.html).not.toContain('<script>');
    expect(mail.text).toContain('"tautan berbahaya Subject: palsu"');
    expect(mail.text).toContain('Buka isu di Pantau Isu: https://pantau.example.go.id/#/issues/');
    expect(mail.text).toContain('Tingkat keparahan: 81/100 (kritis)');
  });

  it('should put the whole evidence in the webhook JSON', () => {
    const payload = renderWebhook(
      { id: 'a1', deliveryId: 'd1', createdAt: '2026-01-10T03:05:00.000Z' },
      evidence,
      new Date(0),
    );
    expect(payload.event).toBe('alert.created');
    expect(payload.evidence.issue.label).toBe(hostile.label);
    expect(JSON.parse(JSON.stringify(payload)).evidence.topPosts[0].text).toBe(hostile.topPosts[0].text);
  });
});
