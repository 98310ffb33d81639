import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { DeliveryError, isTransientStatus } from './delivery-error.js';

interface TelegramResponse {
  ok?: boolean;
  result?: { message_id?: number };
  error_code?: number;
  description?: string;
  parameters?: { retry_after?: number };
}

const TIMEOUT_MS = 15_000;

/**
 * Sends an HTML message through the Bot API (`sendMessage`). The bot token comes from
 * PANTAU_TELEGRAM_BOT_TOKEN and is never put in an error message (it is part of the URL);
 * PANTAU_TELEGRAM_API_BASE points tests at a local server.
 */
@Injectable()
export class TelegramSender {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get configured(): boolean {
    return Boolean(this.config.telegramBotToken);
  }

  async send(chatId: string, html: string): Promise<{ messageId: number | null }> {
    const token = this.config.telegramBotToken;
    if (!token) {
      throw new DeliveryError('Bot Telegram belum dikonfigurasi (PANTAU_TELEGRAM_BOT_TOKEN kosong).', {
        permanent: true,
      });
    }
    const url = `${this.config.telegramApiBase.replace(/\/+$/, '')}/bot${token}/sendMessage`;
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          chat_id: chatId,
          text: html,
          parse_mode: 'HTML',
          link_preview_options: { is_disabled: true },
        }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      const reason = error instanceof Error && error.name === 'TimeoutError' ? 'waktu tunggu habis' : 'koneksi gagal';
      throw new DeliveryError(`Gagal menghubungi API Telegram (${reason}).`);
    }
    let body: TelegramResponse = {};
    try {
      body = (await response.json()) as TelegramResponse;
    } catch {
      body = {};
    }
    if (response.ok && body.ok) {
      return { messageId: body.result?.message_id ?? null };
    }
    const status = body.error_code ?? response.status;
    const description = (body.description ?? '').slice(0, 200).replaceAll(token, '***');
    const detail = `API Telegram menolak pesan (HTTP ${status}${description ? `: ${description}` : ''}).`;
    if (status === 429 || body.parameters?.retry_after !== undefined) {
      const seconds = body.parameters?.retry_after ?? 1;
      throw new DeliveryError(`${detail} Dicoba lagi setelah ${seconds} detik.`, { retryAfterMs: seconds * 1000 });
    }
    throw new DeliveryError(detail, { permanent: !isTransientStatus(status) });
  }
}
