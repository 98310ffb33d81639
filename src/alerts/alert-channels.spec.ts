import { channelView, parseChannels } from './alert-channels.js';

describe('parseChannels', () => {
  it('should accept the three channel kinds', () => {
    const { channels, problems } = parseChannels([
      { type: 'telegram', chatId: -1001234567890 },
      { type: 'email', to: ['Humas@Kominfo.go.id ', 'humas@kominfo.go.id'] },
      { type: 'webhook', url: 'https://hooks.example.org/pantau', secret: 'rahasia-yang-cukup-panjang' },
    ]);
    expect(problems).toEqual([]);
    expect(channels).toEqual([
      { type: 'telegram', chatId: '-1001234567890' },
      { type: 'email', to: ['humas@kominfo.go.id'] },
      { type: 'webhook', url: 'https://hooks.example.org/pantau', secret: 'rahasia-yang-cukup-panjang' },
    ]);
  });

  it('should name each bad field in Indonesian', () => {
    const { problems } = parseChannels([
      { type: 'sms', to: '0812' },
      { type: 'telegram', chatId: 'abc def' },
      { type: 'email', to: ['bukan-alamat'] },
      { type: 'webhook', url: 'ftp://x.example' },
      { type: 'webhook', url: 'https://user:pw@x.example' },
      { type: 'webhook', url: 'https://x.example', secret: 'pendek' },
      { type: 'telegram', chatId: '123', extra: 1 },
    ]);
    expect(problems).toEqual([
      'channels.0.type: harus telegram, email, atau webhook',
      'channels.1.chatId: harus ID obrolan Telegram (angka) atau @namakanal',
      'channels.2.to: alamat e-mail tidak valid',
      'channels.3.url: harus alamat http:// atau https:// yang valid',
      'channels.4.url: jangan sertakan nama pengguna atau kata sandi di alamat; gunakan secret',
      'channels.5.secret: harus teks 16 sampai 256 karakter',
      'channels.6.extra: kolom tidak dikenal untuk kanal telegram',
    ]);
    expect(parseChannels([]).problems).toEqual(['channels: minimal satu kanal']);
  });

  it('should never show a webhook secret, and show only the origin to non-admins', () => {
    const stored = {
      type: 'webhook' as const,
      url: 'https://hooks.example.org/T0/B1/xyz',
      secretEncrypted: 'v1.a.b.c',
    };
    expect(channelView(stored, true)).toEqual({ type: 'webhook', url: stored.url, secretSet: true });
    expect(channelView(stored, false)).toEqual({
      type: 'webhook',
      url: 'https://hooks.example.org/…',
      secretSet: true,
    });
  });
});
