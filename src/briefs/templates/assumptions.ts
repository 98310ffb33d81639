/** Praanggapan: what may happen next, each sentence tied to one measured condition. Written for Pantau Isu. */
export const ASSUMPTIONS = {
  rising: 'Dengan volume yang masih meningkat, percakapan diperkirakan terus bertambah dalam 24 jam ke depan.',
  new: 'Isu ini baru muncul dalam periode pengamatan, sehingga arah perkembangannya belum dapat dipastikan.',
  falling: 'Volume percakapan mulai menurun; isu dapat mereda bila tidak ada pemicu baru.',
  negative: 'Sentimen negatif yang dominan berpotensi menurunkan kepercayaan publik bila tidak ada tanggapan resmi.',
  recurring: 'Isu serupa pernah muncul di wilayah yang sama, sehingga warga dapat menilai masalah ini berulang.',
  undisposed: 'Isu belum didisposisikan kepada OPD, sehingga belum ada pihak yang ditetapkan untuk menanggapi.',
  overdue: 'Batas waktu tanggapan disposisi telah terlampaui, sehingga keterlambatan dapat menjadi sorotan.',
};
