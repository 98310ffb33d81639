import type { SeededRandom } from './seeded-random.js';
import type { StoryLine } from './story-line.js';

/**
 * Story 4: a coordinated praise campaign. While residents complain about the flood response, about forty
 * accounts post the same praise text within an hour, copy-pasted with small variations (greeting, emoji,
 * hashtag order, a word swapped, case). A few copies are exact duplicates, as real copy-paste campaigns are.
 */

const BASE =
  'Terima kasih Pemkot Samarinda atas gerak cepat menangani banjir! Posko, dapur umum, dan bantuan langsung hadir untuk warga. Pemerintah benar-benar hadir, Samarinda makin tangguh!';

const OPENERS = ['', '', '', 'Alhamdulillah. ', 'MasyaAllah, ', 'Salut! ', 'Sebagai warga, ', 'Jujur, '];
const SWAPS: readonly (readonly [string, readonly string[]])[] = [
  ['Terima kasih', ['Terima kasih', 'Terimakasih', 'Makasih', 'Terima kasih banyak']],
  ['gerak cepat', ['gerak cepat', 'respons cepat', 'gercep', 'kesigapan']],
  ['langsung hadir', ['langsung hadir', 'cepat hadir', 'langsung datang']],
  ['benar-benar hadir', ['benar-benar hadir', 'betul-betul hadir', 'nyata hadir']],
  ['makin tangguh', ['makin tangguh', 'semakin tangguh', 'tangguh']],
];
const EMOJI = ['', '👏', '👏👏', '🙏', '💪', '👍👍', '❤️', '🔥🔥'];
const TAGS: readonly (readonly string[])[] = [
  ['#SamarindaTangguh', '#PemkotHadir'],
  ['#PemkotHadir', '#SamarindaTangguh'],
  ['#SamarindaTangguh', '#PemkotHadir', '#banjirsamarinda'],
  ['#SamarindaTangguh'],
];

export const BUZZER_STORY_START = 590;
export const BUZZER_ACCOUNT_COUNT = 40;

export function buildBuzzerLines(rng: SeededRandom, count = BUZZER_ACCOUNT_COUNT): StoryLine[] {
  const lines: StoryLine[] = [];
  let previous = '';
  for (let i = 0; i < count; i++) {
    let text: string;
    if (i > 0 && rng.chance(0.12)) {
      text = previous; // an exact copy of the previous one
    } else {
      let body = BASE;
      for (const [from, options] of SWAPS) {
        if (rng.chance(0.35)) {
          body = body.replace(from, rng.pick(options));
        }
      }
      if (rng.chance(0.15)) {
        body = body.replace(/!/g, '!!');
      }
      if (rng.chance(0.1)) {
        body = body.toUpperCase();
      }
      const emoji = rng.pick(EMOJI);
      text = `${rng.pick(OPENERS)}${body}${emoji ? ' ' + emoji : ''} ${rng.pick(TAGS).join(' ')}`;
    }
    previous = text;
    lines.push({
      at: BUZZER_STORY_START + Math.round((i / count) * 55) + rng.int(0, 4),
      voice: 'warga',
      register: 'formal',
      sentiment: 'positive',
      text,
      platform: rng.pick(['x', 'x', 'instagram', 'facebook'] as const),
    });
  }
  return lines;
}
