import { t } from '../i18n.js';
import { api, errorText } from '../api.js';
import { type Category, listTable, loadCategories, pageHead } from '../components.js';
import { button, field, h, mount, notice, select } from '../dom.js';
import { formatDateTime, label, STATE_LABELS } from '../format.js';
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
  const table = h(
    'section',
    { class: 'card' },
    h('p', { class: 'loading' }, t('adminAlertRules.memuatAturanPeringatan')),
  );
  mount(
    root,
    pageHead(t('adminAlertRules.aturanPeringatan'), t('adminAlertRules.sebuahIsuYangMemenuhi')),
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
    h('header', { class: 'card-head' }, h('h2', null, t('adminAlertRules.daftarAturan'))),
    listTable(
      [
        { header: t('common.nama'), cell: (rule: Rule) => h('strong', null, rule.name), csv: (rule) => rule.name },
        { header: t('adminAlertRules.syarat'), cell: (rule) => conditionsText(rule.conditions, categories, topics) },
        { header: t('common.kanal'), cell: (rule) => rule.channels.map(channelText).join('; ') },
        {
          header: t('common.jeda'),
          cell: (rule) => t('adminAlertRules.minutes', { count: rule.cooldownMinutes }),
          csv: (r) => r.cooldownMinutes,
        },
        {
          header: t('common.status'),
          cell: (rule) => h('span', { class: 'badge' }, rule.active ? t('common.aktif') : t('common.dijeda')),
        },
        {
          header: t('common.peringatan'),
          cell: (rule) =>
            t('adminAlertRules.ditanggapiPositifPalsu', {
              alerts: rule.stats.alerts,
              acknowledged: rule.stats.acknowledged,
              falsePositives: rule.stats.falsePositives,
            }),
          csv: (rule) => rule.stats.alerts,
        },
        { header: t('adminAlertRules.terakhir'), cell: (rule) => formatDateTime(rule.stats.lastAlertAt) },
        {
          header: t('common.tindakan'),
          csv: () => '',
          cell: (rule) =>
            h(
              'div',
              { class: 'actions' },
              button(t('common.ubah'), () => edit(rule), {
                class: 'btn btn-small',
                aria: { label: t('adminAlertRules.ubahAturan', { name: rule.name }) },
              }),
              button(
                rule.active ? t('common.jeda') : t('common.aktifkan'),
                () =>
                  void act(
                    api.patch(`/api/alerts/rules/${encodeURIComponent(rule.id)}`, { active: !rule.active }),
                    rule.active ? t('adminAlertRules.aturanDijeda') : t('adminAlertRules.aturanDiaktifkan'),
                  ),
                {
                  class: 'btn btn-small',
                  aria: {
                    label: t(rule.active ? 'adminAlertRules.pauseRule' : 'adminAlertRules.activateRule', {
                      name: rule.name,
                    }),
                  },
                },
              ),
              button(
                t('common.hapus'),
                () => {
                  if (window.confirm(t('adminAlertRules.hapusAturanBesertaPeringatannya', { name: rule.name }))) {
                    void act(
                      api.delete(`/api/alerts/rules/${encodeURIComponent(rule.id)}`),
                      t('adminAlertRules.aturanDihapus'),
                    );
                  }
                },
                {
                  class: 'btn btn-small btn-danger',
                  aria: { label: t('adminAlertRules.hapusAturan', { name: rule.name }) },
                },
              ),
            ),
        },
      ],
      rules,
      t('adminAlertRules.aturanPeringatan'),
      'aturan-peringatan',
    ),
  );
}

function channelText(channel: Channel): string {
  switch (channel.type) {
    case 'telegram':
      return t('adminAlertRules.telegram', { chatId: channel.chatId });
    case 'email':
      return t('adminAlertRules.surel', { to: channel.to.join(', ') });
    case 'webhook':
      return t('adminAlertRules.webhook', {
        url: channel.url,
        value: channel.secretSet ? t('adminAlertRules.bertandaTangan') : '',
      });
  }
}

function conditionsText(conditions: Conditions, categories: Category[], topics: Topic[]): string {
  const parts: string[] = [];
  if (conditions.minSeverity !== undefined) {
    parts.push(t('adminAlertRules.keparahan', { minSeverity: conditions.minSeverity }));
  }
  if (conditions.categories?.length) {
    parts.push(
      t('adminAlertRules.condCategories', {
        list: conditions.categories.map((slug) => categories.find((c) => c.slug === slug)?.name ?? slug).join(', '),
      }),
    );
  }
  if (conditions.topicIds?.length) {
    parts.push(
      t('adminAlertRules.condTopics', {
        list: conditions.topicIds.map((id) => topics.find((topic) => topic.id === id)?.name ?? id).join(', '),
      }),
    );
  }
  if (conditions.regionCodes?.length) {
    parts.push(t('adminAlertRules.condRegions', { list: conditions.regionCodes.join(', ') }));
  }
  if (conditions.minNegativeShare !== undefined) {
    parts.push(t('adminAlertRules.negatif', { value: Math.round(conditions.minNegativeShare * 100) }));
  }
  parts.push(
    t('adminAlertRules.condStates', {
      list: (conditions.states ?? ['emerging', 'trending']).map((s) => label(STATE_LABELS, s)).join(', '),
    }),
  );
  if (conditions.campaign !== undefined) {
    parts.push(conditions.campaign ? t('adminAlertRules.hanyaKampanye') : t('adminAlertRules.hanyaIsuOrganik'));
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
  const regions = h('input', {
    type: 'text',
    value: (c.regionCodes ?? []).join(', '),
    placeholder: t('adminAlertRules.mis6472'),
  });
  const campaign = select(
    [
      { value: '', label: t('common.semuaIsu') },
      { value: 'true', label: t('adminAlertRules.hanyaKampanyeTeksSerupa') },
      { value: 'false', label: t('adminAlertRules.hanyaIsuOrganik2') },
    ],
    c.campaign === undefined ? '' : String(c.campaign),
  );
  const categorySet = checkboxes(
    t('adminAlertRules.kategoriKosongSemua'),
    categories.map((category) => ({ value: category.slug, label: category.name })),
    c.categories ?? [],
  );
  const topicSet = checkboxes(
    t('adminAlertRules.topikPantauanKosongSemua'),
    topics.map((topic) => ({ value: topic.id, label: topic.name })),
    c.topicIds ?? [],
  );
  const stateSet = checkboxes(
    t('adminAlertRules.statusIsu'),
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
    { aria: { label: rule ? t('adminAlertRules.ubahAturan', { name: rule.name }) : t('adminAlertRules.aturanBaru') } },
    h(
      'div',
      { class: 'filters' },
      field(t('adminAlertRules.namaAturan'), name),
      field(t('adminAlertRules.keparahanMinimal0100'), severity),
    ),
    h(
      'div',
      { class: 'filters' },
      field(t('adminAlertRules.porsiNegatifMinimal'), negative),
      field(t('common.kodeWilayah'), regions, t('adminAlertRules.kodeKemendagriDipisahKoma')),
      field(t('adminAlertRules.jenisIsu'), campaign),
    ),
    categorySet,
    topicSet,
    stateSet,
    h('h3', null, t('common.kanal')),
    h(
      'div',
      { class: 'filters' },
      field(t('common.idObrolanTelegram'), telegram, t('adminAlertRules.dipisahKoma')),
      field(t('adminAlertRules.alamatSurel'), email, t('adminAlertRules.dipisahKoma')),
      field(t('adminAlertRules.urlWebhook'), webhook),
      field(
        t('adminAlertRules.rahasiaWebhook'),
        secret,
        rule
          ? t('adminAlertRules.kosongkanUntukMempertahankanRahasia')
          : t('adminAlertRules.opsionalMenandatanganiIsiKiriman'),
      ),
    ),
    h(
      'div',
      { class: 'filters' },
      field(t('adminAlertRules.jedaPerIsuMenit'), cooldown),
      h('label', { class: 'check' }, active, t('adminAlertRules.aktif')),
      h(
        'button',
        { type: 'submit', class: 'btn btn-primary' },
        rule ? t('adminAlertRules.simpanAturan') : t('adminAlertRules.tambahAturan'),
      ),
      rule ? button(t('common.batal'), () => context.refresh(), { class: 'btn' }) : null,
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
    h(
      'header',
      { class: 'card-head' },
      h('h2', null, rule ? t('adminAlertRules.ubahAturan2', { name: rule.name }) : t('adminAlertRules.aturanBaru')),
    ),
    form,
  );
}
