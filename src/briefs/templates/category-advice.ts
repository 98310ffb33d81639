/**
 * What a telaahan says about an issue of each category: why it matters (Analisis) and what is to be done (Saran
 * Tindak). Written for Pantau Isu; the category itself (name, responsible OPD) comes from the categories table, so
 * `{opd}` here is always that table's OPD. A category without an entry uses `lainnya`.
 */
export interface CategoryAdvice {
  /** One sentence: what the public expects and what goes wrong if nobody answers. */
  stakes: string;
  /** Actions in order; `{opd}` is the responsible OPD, `{jam}` the official-update deadline in hours. */
  actions: string[];
}

export const CATEGORY_ADVICE: Record<string, CategoryAdvice> = {
  bencana: {
    stakes:
      'Percakapan tentang bencana menyangkut keselamatan warga; informasi yang terlambat atau simpang siur dapat menghambat evakuasi dan penyaluran bantuan.',
    actions: [
      '{opd} mengerahkan tim reaksi cepat ke lokasi terdampak dan melaporkan kondisi terkini.',
      'Dinas Sosial menyiapkan dapur umum dan kebutuhan dasar pengungsi bila warga mengungsi.',
      'Diskominfo menerbitkan informasi resmi tentang lokasi pengungsian, jalur aman dan nomor darurat dalam {jam} jam.',
    ],
  },
  infrastruktur: {
    stakes:
      'Keluhan infrastruktur yang berulang menurunkan kepercayaan warga bila tidak ada kepastian jadwal perbaikan.',
    actions: [
      '{opd} memverifikasi titik kerusakan di lapangan dan menetapkan jadwal penanganan.',
      'Diskominfo menyampaikan jadwal perbaikan dan pengalihan lalu lintas bila ada dalam {jam} jam.',
    ],
  },
  kesehatan: {
    stakes:
      'Isu kesehatan cepat menimbulkan kecemasan; klaim yang tidak akurat dapat mendorong warga menunda atau menolak layanan.',
    actions: [
      '{opd} memastikan fakta di fasilitas kesehatan terkait dan menyiapkan keterangan tenaga kesehatan.',
      'Diskominfo menerbitkan penjelasan resmi berdasarkan keterangan {opd} dalam {jam} jam.',
    ],
  },
  pendidikan: {
    stakes:
      'Keluhan pendidikan, terutama pungutan di sekolah, menyangkut hak anak dan dapat mengarah pada dugaan pelanggaran aturan.',
    actions: [
      'Inspektorat bersama {opd} memverifikasi keluhan ke sekolah yang disebut dan memeriksa dasar pungutan bila ada.',
      '{opd} menegaskan kembali ketentuan yang berlaku kepada satuan pendidikan.',
      'Diskominfo menyampaikan hasil verifikasi kepada publik dalam {jam} jam setelah tersedia.',
    ],
  },
  kependudukan: {
    stakes: 'Keluhan layanan administrasi kependudukan menyangkut hak dasar warga atas dokumen identitas.',
    actions: [
      '{opd} memeriksa antrean dan kendala layanan pada unit yang dikeluhkan.',
      'Diskominfo mengumumkan jam layanan, persyaratan dan kanal pengaduan dalam {jam} jam.',
    ],
  },
  lingkungan: {
    stakes: 'Masalah lingkungan berdampak langsung pada kesehatan dan kenyamanan warga di sekitar lokasi.',
    actions: [
      '{opd} meninjau lokasi yang dikeluhkan dan mengambil langkah penanganan awal.',
      'Diskominfo menyampaikan langkah penanganan kepada publik dalam {jam} jam.',
    ],
  },
  transportasi: {
    stakes: 'Gangguan transportasi memengaruhi mobilitas dan keselamatan pengguna jalan.',
    actions: [
      '{opd} mengatur lalu lintas di lokasi dan menyiapkan rekayasa bila diperlukan.',
      'Diskominfo menyiarkan informasi jalur alternatif dalam {jam} jam.',
    ],
  },
  sosial: {
    stakes: 'Isu sosial menyangkut kelompok rentan; penanganan yang lambat mudah dipersepsikan sebagai pengabaian.',
    actions: [
      '{opd} memverifikasi kondisi warga yang disebut dan menyalurkan bantuan sesuai ketentuan.',
      'Diskominfo menyampaikan langkah pemerintah daerah kepada publik dalam {jam} jam.',
    ],
  },
  ekonomi: {
    stakes: 'Isu harga dan pasokan kebutuhan pokok cepat memicu pembelian panik bila tidak ada informasi resmi.',
    actions: [
      '{opd} memeriksa harga dan ketersediaan di pasar yang disebut.',
      'Diskominfo menyampaikan data harga dan stok serta rencana operasi pasar bila ada dalam {jam} jam.',
    ],
  },
  utilitas: {
    stakes: 'Gangguan layanan dasar seperti air dan listrik dirasakan langsung oleh rumah tangga dan usaha.',
    actions: [
      '{opd} memastikan penyebab gangguan dan perkiraan waktu pemulihan.',
      'Diskominfo mengumumkan wilayah terdampak, perkiraan pemulihan dan titik distribusi darurat dalam {jam} jam.',
    ],
  },
  ketertiban: {
    stakes: 'Isu ketertiban dapat meluas bila warga menilai tidak ada kehadiran aparat.',
    actions: [
      '{opd} berkoordinasi dengan aparat kewilayahan untuk memastikan situasi di lokasi.',
      'Diskominfo menyampaikan imbauan resmi dalam {jam} jam.',
    ],
  },
  'tata-kelola': {
    stakes: 'Isu tata kelola menyangkut integritas pemerintah daerah dan mudah menjadi sorotan media.',
    actions: [
      'Inspektorat bersama {opd} menelaah kebenaran informasi yang beredar.',
      'Diskominfo menyiapkan keterangan resmi pimpinan berdasarkan hasil telaah dalam {jam} jam.',
    ],
  },
  lainnya: {
    stakes: 'Isu ini belum masuk kategori layanan tertentu, tetapi dibicarakan cukup luas untuk diketahui pimpinan.',
    actions: [
      '{opd} memantau perkembangan percakapan dan menentukan OPD yang berwenang.',
      'Diskominfo menyiapkan informasi resmi bila diperlukan dalam {jam} jam.',
    ],
  },
};

export function adviceFor(category: string): CategoryAdvice {
  return CATEGORY_ADVICE[category] ?? CATEGORY_ADVICE.lainnya;
}
