import type { AlertChannel, AlertChannelView, StoredAlertChannel } from './alert.types.js';

/** The cipher key id of a rule's webhook secrets (the notifications worker decrypts with the same). */
export function webhookSecretKeyId(ruleId: string): string {
  return `alert-rule:${ruleId}`;
}

export const MAX_CHANNELS = 10;
export const MAX_EMAIL_RECIPIENTS = 20;
const EMAIL = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;
/** A numeric chat id (groups are negative) or a public @channelusername. */
const TELEGRAM_CHAT = /^(-?\d{1,20}|@[A-Za-z][A-Za-z0-9_]{4,31})$/;

/**
 * Validates the `channels` of a rule body (a tagged union class-validator cannot express well).
 * Returns the channels or the Indonesian problems, each naming its field (`channels.1.url: …`).
 * The webhook address's private-network check is asynchronous and done by the service.
 */
export function parseChannels(input: unknown): { channels: AlertChannel[]; problems: string[] } {
  const problems: string[] = [];
  const channels: AlertChannel[] = [];
  if (!Array.isArray(input)) {
    return { channels, problems: ['channels: harus berupa daftar kanal'] };
  }
  if (input.length === 0) {
    problems.push('channels: minimal satu kanal');
  }
  if (input.length > MAX_CHANNELS) {
    problems.push(`channels: maksimal ${MAX_CHANNELS} kanal`);
  }
  input.slice(0, MAX_CHANNELS).forEach((raw: unknown, index) => {
    const at = `channels.${index}`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      problems.push(`${at}: harus berupa objek kanal`);
      return;
    }
    const entry = raw as Record<string, unknown>;
    const allowed: Record<string, string[]> = {
      telegram: ['type', 'chatId'],
      email: ['type', 'to'],
      webhook: ['type', 'url', 'secret'],
    };
    const type = entry.type;
    if (typeof type !== 'string' || !(type in allowed)) {
      problems.push(`${at}.type: harus telegram, email, atau webhook`);
      return;
    }
    for (const key of Object.keys(entry)) {
      if (!allowed[type].includes(key)) {
        problems.push(`${at}.${key}: kolom tidak dikenal untuk kanal ${type}`);
      }
    }
    if (type === 'telegram') {
      const chatId = typeof entry.chatId === 'number' ? String(entry.chatId) : entry.chatId;
      if (typeof chatId !== 'string' || !TELEGRAM_CHAT.test(chatId.trim())) {
        problems.push(`${at}.chatId: harus ID obrolan Telegram (angka) atau @namakanal`);
        return;
      }
      channels.push({ type: 'telegram', chatId: chatId.trim() });
    } else if (type === 'email') {
      const to = entry.to;
      if (!Array.isArray(to) || to.length === 0) {
        problems.push(`${at}.to: harus berisi minimal satu alamat e-mail`);
        return;
      }
      if (to.length > MAX_EMAIL_RECIPIENTS) {
        problems.push(`${at}.to: maksimal ${MAX_EMAIL_RECIPIENTS} alamat`);
        return;
      }
      const bad = to.filter((address) => typeof address !== 'string' || !EMAIL.test(address.trim()));
      if (bad.length > 0) {
        problems.push(`${at}.to: alamat e-mail tidak valid`);
        return;
      }
      channels.push({
        type: 'email',
        to: [...new Set((to as string[]).map((address) => address.trim().toLowerCase()))],
      });
    } else {
      const url = entry.url;
      let parsed: URL | null = null;
      try {
        parsed = typeof url === 'string' ? new URL(url) : null;
      } catch {
        parsed = null;
      }
      if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || (url as string).length > 2000) {
        problems.push(`${at}.url: harus alamat http:// atau https:// yang valid`);
        return;
      }
      if (parsed.username || parsed.password) {
        problems.push(`${at}.url: jangan sertakan nama pengguna atau kata sandi di alamat; gunakan secret`);
        return;
      }
      const secret = entry.secret;
      if (secret !== undefined && (typeof secret !== 'string' || secret.length < 16 || secret.length > 256)) {
        problems.push(`${at}.secret: harus teks 16 sampai 256 karakter`);
        return;
      }
      channels.push({ type: 'webhook', url: parsed.toString(), ...(secret ? { secret } : {}) });
    }
  });
  return { channels, problems };
}

/** How the API shows a stored channel: never the secret; to non-admins, a webhook only by its origin. */
export function channelView(channel: StoredAlertChannel, fullWebhookUrl: boolean): AlertChannelView {
  if (channel.type !== 'webhook') {
    return channel.type === 'email'
      ? { type: 'email', to: [...channel.to] }
      : { type: 'telegram', chatId: channel.chatId };
  }
  const url = fullWebhookUrl ? channel.url : `${new URL(channel.url).origin}/…`;
  return { type: 'webhook', url, secretSet: Boolean(channel.secretEncrypted) };
}

/** A delivery's target as shown with an alert: the chat, the recipients, or the webhook's host. */
export function channelTarget(channel: StoredAlertChannel): string {
  switch (channel.type) {
    case 'telegram':
      return channel.chatId;
    case 'email':
      return channel.to.join(', ');
    case 'webhook':
      return new URL(channel.url).host;
  }
}
