import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { DeliveryError } from './delivery-error.js';
import type { EmailMessage } from './alert-message.renderer.js';

interface SmtpError extends Error {
  code?: string;
  responseCode?: number;
}

/**
 * Sends alerts by SMTP (PANTAU_SMTP_URL, e.g. `smtps://user:pass@mail.example.go.id:465` or
 * `smtp://relay:25`; an optional `?from=` query gives the sender address). A 5xx SMTP reply is
 * permanent; 4xx replies and connection problems are retried.
 */
@Injectable()
export class EmailSender implements OnModuleDestroy {
  private transporter: Transporter | null = null;
  private readonly from: string;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.from = EmailSender.fromAddress(config);
  }

  get configured(): boolean {
    return Boolean(this.config.smtpUrl);
  }

  static fromAddress(config: AppConfig): string {
    if (config.smtpUrl) {
      const from = new URL(config.smtpUrl).searchParams.get('from');
      if (from) {
        return from;
      }
    }
    let host = 'localhost';
    try {
      host = new URL(config.publicUrl).hostname || host;
    } catch {
      // keep localhost
    }
    return `"Pantau Isu" <pantau-isu@${host}>`;
  }

  private transport(): Transporter {
    if (!this.config.smtpUrl) {
      throw new DeliveryError('Server e-mail belum dikonfigurasi (PANTAU_SMTP_URL kosong).', { permanent: true });
    }
    if (!this.transporter) {
      const url = new URL(this.config.smtpUrl);
      url.searchParams.delete('from');
      this.transporter = nodemailer.createTransport(url.toString());
    }
    return this.transporter;
  }

  async send(to: string[], message: EmailMessage): Promise<{ messageId: string | null; rejected: string[] }> {
    const transport = this.transport();
    try {
      const info = await transport.sendMail({
        from: this.from,
        to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        attachments: message.attachments,
      });
      const rejected = ((info.rejected ?? []) as (string | { address: string })[]).map((address) =>
        typeof address === 'string' ? address : address.address,
      );
      if (rejected.length === to.length) {
        throw new DeliveryError(`Server e-mail menolak semua penerima (${rejected.join(', ')}).`, { permanent: true });
      }
      return { messageId: info.messageId ?? null, rejected };
    } catch (error) {
      if (error instanceof DeliveryError) {
        throw error;
      }
      const smtp = error as SmtpError;
      if (smtp.responseCode !== undefined) {
        throw new DeliveryError(`Server e-mail menolak pesan (kode SMTP ${smtp.responseCode}).`, {
          permanent: smtp.responseCode >= 500,
        });
      }
      throw new DeliveryError(`Gagal menghubungi server e-mail (${smtp.code ?? 'koneksi gagal'}).`);
    }
  }

  onModuleDestroy(): void {
    this.transporter?.close();
  }
}
