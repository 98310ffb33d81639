import { api, errorText } from '../api.js';
import { type Category, listTable, loadCategories, pageHead } from '../components.js';
import { button, field, h, mount, notice, select } from '../dom.js';
import { formatDateTime, formatNumber, label, STATE_LABELS } from '../format.js';
import type { PageContext } from '../router.js';

type Channel =
  | { type: 'telegram'; chatId: string }
  | { type: 'email'; to: string[] }
  | { type: 'webhook'; url: string; secretSet?: boolean; secret?: string };

interface Conditions {
  minSeverity?: number;
  topicIds?: string[];
  categories?: string[];
  regionCodes?: string[];
  minNegativeShare?: number;
  states?: string[];
  campaign?: boolean;
}

/** GET /api/alerts/rules items (src/alerts/alert-rules.service.ts, AlertRuleView). */
interface Rule {
  id: string;
  name: string;
  conditions: Conditions;
  channels: Channel[];
  cooldownMinutes: number;
  active: boolean;
  stats: { alerts: number; acknowledged: number; falsePositives: number; lastAlertAt: string | null };
}

interface Topic {
  id: string;
  name: string;
}

const STATES = ['emerging', 'trending', 'declining', 'dormant'];
const list = (text: string) =>
  text
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter(Boolean);

/** Aturan peringatan: the alert rules, their conditions and channels (Telegram, e-mail, webhook), pause and delete. */
export async function render(root: HTMLElement, context: PageContext): Promise<void> {
  const status = h('div', { class: 'form-status' });
  const editor = h('section', { class: 'card' });
  const table = h('section', { class: 'card' }, h('p', { class: 'loading' }, 'Memuat aturan peringatan…'));
  mount(
    root,
    pageHead(
      'Aturan peringatan',
      'Sebuah isu yang memenuhi semua syarat aturan memicu peringatan ke kanal aturan itu, paling sering sekali per jeda.',
    ),
    status,
    editor,
    table,
  );
  let rules: Rule[];
  let categories: Category[];
  let topics: Topic[];
  try {
    [{ items: rules }, categories, topics] = await Promise.all([
      api.get<{ items: Rule[] }>('/api/alerts/rules'),
      loadCategories(),
      api.get<Topic[] | { items: Topic[] }>('/api/topics').then((raw) => (Array.isArray(raw) ? raw : raw.items)),
    ]);
  } catch (error) {
    mount(table, notice('error', errorText(error)));
    return;
  }
  const edit = (rule: Rule | null) => {
    mount(editor, ruleForm(rule, categories, topics, status, context));
    if (rule) {
      editor.querySelector('input')?.focus();
    }
  };
  edit(null);
  const act = (request: Promise<unknown>, done: string) =>
    request
      .then(() => {
        context.refresh();
      })
      .then(() => mount(status, notice('success', done)))
      .catch((error: unknown) => mount(status, notice('error', errorText(error))));
  mount(
    table,
    h('header', { class: 'card-head' }, h('h2', null, 'Daftar aturan')),
    listTable(
      [
        { header: 'Nama', cell: (rule: Rule) => h('strong', null, rule.name), csv: (rule) => rule.name },
        { header: 'Syarat', cell: (rule) => conditionsText(rule.conditions, categories, topics) },
        { header: 'Kanal', cell: (rule) => rule.channels.map(channelText).join('; ') },
        {
          header: 'Jeda',
          cell: (rule) => `${formatNumber(rule.cooldownMinutes)} menit`,
          csv: (r) => r.cooldownMinutes,
        },
        { header: 'Status', cell: (rule) => h('span', { class: 'badge' }, rule.active ? 'Aktif' : 'Dijeda') },
        {
          header: 'Peringatan',
          cell: (rule) =>
            `${formatNumber(rule.stats.alerts)} (ditanggapi ${formatNumber(rule.stats.acknowledged)}, positif palsu ${formatNumber(rule.stats.falsePositives)})`,
          csv: (rule) => rule.stats.alerts,
        },
        { header: 'Terakhir', cell: (rule) => formatDateTime(rule.stats.lastAlertAt) },
        {
          header: 'Tindakan',
          csv: () => '',
          cell: (rule) =>
            h(
              'div',
              { class: 'actions' },
              button('Ubah', () => edit(rule), { class: 'btn btn-small', aria: { label: `Ubah aturan ${rule.name}` } }),
              button(
                rule.active ? 'Jeda' : 'Aktifkan',
                () =>
                  void act(
                    api.patch(`/api/alerts/rules/${encodeURIComponent(rule.id)}`, { active: !rule.active }),
                    rule.active ? 'Aturan dijeda.' : 'Aturan diaktifkan.',
                  ),
                { class: 'btn btn-small', aria: { label: `${rule.active ? 'Jeda' : 'Aktifkan'} aturan ${rule.name}` } },
              ),
              button(
                'Hapus',
                () => {
                  if (window.confirm(`Hapus aturan "${rule.name}" beserta peringatannya?`)) {
                    void act(api.delete(`/api/alerts/rules/${encodeURIComponent(rule.id)}`), 'Aturan dihapus.');
                  }
                },
                { class: 'btn btn-small btn-danger', aria: { label: `Hapus aturan ${rule.name}` } },
              ),
            ),
        },
      ],
      rules,
      'Aturan peringatan',
      'aturan-peringatan',
    ),
  );
}

function channelText(channel: Channel): string {
  switch (channel.type) {
    case 'telegram':
      return `Telegram ${channel.chatId}`;
    case 'email':
      return `Surel ${channel.to.join(', ')}`;
    case 'webhook':
      return `Webhook ${channel.url}${channel.secretSet ? ' (bertanda tangan)' : ''}`;
  }
}

function conditionsText(conditions: Conditions, categories: Category[], topics: Topic[]): string {
  const parts: string[] = [];
  if (conditions.minSeverity !== undefined) {
    parts.push(`keparahan ≥ ${conditions.minSeverity}`);
  }
  if (conditions.categories?.length) {
    parts.push(
      `kategori ${conditions.categories.map((slug) => categories.find((c) => c.slug === slug)?.name ?? slug).join(', ')}`,
    );
  }
  if (conditions.topicIds?.length) {
    parts.push(`topik ${conditions.topicIds.map((id) => topics.find((t) => t.id === id)?.name ?? id).join(', ')}`);
  }
  if (conditions.regionCodes?.length) {
    parts.push(`wilayah ${conditions.regionCodes.join(', ')}`);
  }
  if (conditions.minNegativeShare !== undefined) {
    parts.push(`negatif ≥ ${Math.round(conditions.minNegativeShare * 100)}%`);
  }
  parts.push(`status ${(conditions.states ?? ['emerging', 'trending']).map((s) => label(STATE_LABELS, s)).join(', ')}`);
  if (conditions.campaign !== undefined) {
    parts.push(conditions.campaign ? 'hanya kampanye' : 'hanya isu organik');
  }
  return parts.join(' · ');
}

function checkboxes(name: string, options: { value: string; label: string }[], chosen: string[]): HTMLElement {
  return h(
    'fieldset',
    { class: 'checks' },
    h('legend', null, name),
    options.map((option) =>
      h(
        'label',
        { class: 'check' },
        h('input', { type: 'checkbox', value: option.value, checked: chosen.includes(option.value) }),
        ` ${option.label}`,
      ),
    ),
  );
}

const checked = (set: HTMLElement) =>
  [...set.querySelectorAll<HTMLInputElement>('input[type=checkbox]')].filter((box) => box.checked).map((b) => b.value);

/** Create (rule null) or edit a rule; the server validates again and names the field of any mistake. */
function ruleForm(
  rule: Rule | null,
  categories: Category[],
  topics: Topic[],
  status: HTMLElement,
  context: PageContext,
): HTMLElement {
  const c = rule?.conditions ?? {};
  const name = h('input', { type: 'text', required: true, maxlength: 120, value: rule?.name ?? '' });
  const severity = h('input', { type: 'number', min: '0', max: '100', step: '1', value: String(c.minSeverity ?? '') });
  const negative = h('input', {
    type: 'number',
    min: '0',
    max: '100',
    step: '1',
    value: c.minNegativeShare === undefined ? '' : String(Math.round(c.minNegativeShare * 100)),
  });
  const regions = h('input', { type: 'text', value: (c.regionCodes ?? []).join(', '), placeholder: 'mis. 64.72' });
  const campaign = select(
    [
      { value: '', label: 'Semua isu' },
      { value: 'true', label: 'Hanya kampanye (teks serupa)' },
      { value: 'false', label: 'Hanya isu organik' },
    ],
    c.campaign === undefined ? '' : String(c.campaign),
  );
  const categorySet = checkboxes(
    'Kategori (kosong: semua)',
    categories.map((category) => ({ value: category.slug, label: category.name })),
    c.categories ?? [],
  );
  const topicSet = checkboxes(
    'Topik pantauan (kosong: semua)',
    topics.map((topic) => ({ value: topic.id, label: topic.name })),
    c.topicIds ?? [],
  );
  const stateSet = checkboxes(
    'Status isu',
    STATES.map((state) => ({ value: state, label: label(STATE_LABELS, state) })),
    c.states ?? ['emerging', 'trending'],
  );
  const of = <T extends Channel['type']>(type: T) =>
    (rule?.channels ?? []).filter((channel): channel is Extract<Channel, { type: T }> => channel.type === type);
  const telegram = h('input', {
    type: 'text',
    value: of('telegram')
      .map((ch) => ch.chatId)
      .join(', '),
  });
  const email = h('input', {
    type: 'text',
    value: of('email')
      .flatMap((ch) => ch.to)
      .join(', '),
  });
  const webhook = h('input', { type: 'url', value: of('webhook')[0]?.url ?? '', placeholder: 'https://…' });
  const secret = h('input', { type: 'password', autocomplete: 'new-password' });
  const cooldown = h('input', { type: 'number', min: '0', step: '1', value: String(rule?.cooldownMinutes ?? 60) });
  const active = h('input', { type: 'checkbox', checked: rule?.active ?? true });
  const form = h(
    'form',
    { aria: { label: rule ? `Ubah aturan ${rule.name}` : 'Aturan baru' } },
    h('div', { class: 'filters' }, field('Nama aturan', name), field('Keparahan minimal (0–100)', severity)),
    h(
      'div',
      { class: 'filters' },
      field('Porsi negatif minimal (%)', negative),
      field('Kode wilayah', regions, 'Kode Kemendagri dipisah koma; 64 mencakup semua wilayah di dalamnya.'),
      field('Jenis isu', campaign),
    ),
    categorySet,
    topicSet,
    stateSet,
    h('h3', null, 'Kanal'),
    h(
      'div',
      { class: 'filters' },
      field('ID obrolan Telegram', telegram, 'Dipisah koma.'),
      field('Alamat surel', email, 'Dipisah koma.'),
      field('URL webhook', webhook),
      field(
        'Rahasia webhook',
        secret,
        rule ? 'Kosongkan untuk mempertahankan rahasia yang tersimpan.' : 'Opsional: menandatangani isi kiriman.',
      ),
    ),
    h(
      'div',
      { class: 'filters' },
      field('Jeda per isu (menit)', cooldown),
      h('label', { class: 'check' }, active, ' Aktif'),
      h('button', { type: 'submit', class: 'btn btn-primary' }, rule ? 'Simpan aturan' : 'Tambah aturan'),
      rule ? button('Batal', () => context.refresh(), { class: 'btn' }) : null,
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const conditions: Conditions = { states: checked(stateSet) };
    if (severity.value !== '') {
      conditions.minSeverity = Number(severity.value);
    }
    if (negative.value !== '') {
      conditions.minNegativeShare = Number(negative.value) / 100;
    }
    if (regions.value.trim()) {
      conditions.regionCodes = list(regions.value);
    }
    if (campaign.value) {
      conditions.campaign = campaign.value === 'true';
    }
    conditions.categories = checked(categorySet);
    conditions.topicIds = checked(topicSet);
    const channels: Channel[] = [
      ...list(telegram.value).map((chatId) => ({ type: 'telegram' as const, chatId })),
      ...(list(email.value).length > 0 ? [{ type: 'email' as const, to: list(email.value) }] : []),
      ...(webhook.value.trim()
        ? [{ type: 'webhook' as const, url: webhook.value.trim(), ...(secret.value ? { secret: secret.value } : {}) }]
        : []),
    ];
    const body = {
      name: name.value.trim(),
      conditions,
      channels,
      cooldownMinutes: Number(cooldown.value || 0),
      active: active.checked,
    };
    const request = rule
      ? api.patch(`/api/alerts/rules/${encodeURIComponent(rule.id)}`, body)
      : api.post('/api/alerts/rules', body);
    request.then(() => context.refresh()).catch((error: unknown) => mount(status, notice('error', errorText(error))));
  });
  return h(
    'div',
    null,
    h('header', { class: 'card-head' }, h('h2', null, rule ? `Ubah aturan: ${rule.name}` : 'Aturan baru')),
    form,
  );
}
