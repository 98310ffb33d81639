/** What a telaahan adds when a share of an issue's posts are copies (a possible coordinated campaign). */
export const CAMPAIGN_SHARE_NOTABLE = 0.3;

export const CAMPAIGN_ADVICE = {
  analysis:
    'Sebagian besar unggahan berupa salinan atau teks yang hampir sama, sehingga volume percakapan belum tentu mencerminkan jumlah warga yang terdampak.',
  assumption:
    'Percakapan diduga digerakkan secara terkoordinasi; tanpa klarifikasi, narasi yang sama dapat terus diperbanyak.',
  action: 'Diskominfo memverifikasi akun-akun penyebar salinan dan menyiapkan klarifikasi berbasis data resmi.',
};
