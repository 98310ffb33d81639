import type { CategoryTemplates } from './background-template.types.js';

/** Hand-written templates for background chatter, part C: ketertiban, tata-kelola, pertanian, lainnya. */
export const BACKGROUND_TEMPLATES_C: readonly CategoryTemplates[] = [
  {
    category: 'ketertiban',
    weight: 7,
    hashtags: ['#samarinda', '#satpolpp', '#balapliar', '#kamtibmas'],
    mentions: ['@demo_satpolppsmd', '@demo_polresta_smd'],
    banks: {
      gangguan: [
        'balap liar',
        'tawuran remaja',
        'premanisme',
        'PKL menutup trotoar',
        'juru parkir liar',
        'pungli parkir',
        'knalpot brong tengah malam',
        'pesta miras',
      ],
    },
    templates: [
      {
        s: 'neg',
        k: 'news',
        t: 'Aksi {b:gangguan} Resahkan Warga {kel}. SAMARINDA – Warga sekitar {jalan} mengeluhkan aksi yang kerap terjadi pada malam akhir pekan. Satpol PP bersama kepolisian berjanji meningkatkan patroli.',
      },
      {
        s: 'neu',
        k: 'news',
        t: 'Satpol PP Tertibkan PKL di Kawasan {lm}. Sebanyak [20|25|31|40] lapak yang menempati trotoar dibongkar. Pedagang diarahkan ke lokasi relokasi.',
      },
      {
        s: 'neu',
        k: 'official',
        t: '📢 Satpol PP Kota Samarinda mengimbau pedagang kaki lima agar tidak berjualan di atas trotoar dan bahu jalan. Penertiban akan dilakukan secara berkala. {#}',
      },
      {
        s: 'neg',
        k: 'warga',
        r: 'i',
        t: '{b:gangguan} lagi di {jalan} {jam}, berisik bgt sampe anak kebangun. [aparat kemana|tolong ditindak] {@}',
      },
      {
        s: 'neg',
        k: 'warga',
        r: 'i',
        t: 'parkir di {lm} ditarik Rp[5.000|10.000], gak ada karcis. [pungli terang2an|mau protes takut] {#}',
      },
      {
        s: 'neg',
        k: 'warga',
        r: 'f',
        t: 'Mohon aparat menindak {b:gangguan} di sekitar {lm}, Kecamatan {kec}. Warga sudah resah dan takut keluar malam.',
      },
      {
        s: 'pos',
        k: 'warga',
        r: 'i',
        t: 'semalem ada patroli di {kel}, balap liar langsung bubar. aman skrg, makasih {@} 👍',
      },
      {
        s: 'pos',
        k: 'warga',
        r: 'i',
        t: 'trotoar di {lm} udh bersih dari lapak, enak buat jalan kaki. pedagangnya juga dapet tempat baru 👏',
      },
    ],
  },
  {
    category: 'tata-kelola',
    weight: 6,
    hashtags: ['#pelayananpublik', '#samarinda', '#lapor', '#antipungli'],
    mentions: ['@demo_pemkotsmd', '@demo_inspektorat_smd', '@demo_ombudsman_kaltim'],
    banks: {
      kantor: [
        'kantor kelurahan {kel}',
        'kantor camat {kec}',
        'kantor dinas',
        'loket pelayanan terpadu',
        'MPP Samarinda',
      ],
      masalah: [
        'diminta uang pelicin supaya cepat',
        'pegawainya main HP saat jam pelayanan',
        'loket sudah tutup padahal baru jam 1 siang',
        'aduan saya di aplikasi tidak pernah ditanggapi',
        'pegawai datang terlambat',
        'berkas saya dilempar-lempar antar meja',
      ],
    },
    templates: [
      {
        s: 'neg',
        k: 'news',
        t: 'Ombudsman Terima Aduan Dugaan Pungli di {b:kantor}. Pelapor menyebut {b:masalah}. Inspektorat Kota Samarinda menyatakan akan memeriksa.',
      },
      {
        s: 'neu',
        k: 'news',
        t: 'Wali Kota Lakukan Sidak Disiplin ASN di Kecamatan {kec}. Sejumlah pegawai kedapatan belum hadir saat apel pagi dan akan diberi pembinaan.',
      },
      {
        s: 'pos',
        k: 'official',
        t: 'Mal Pelayanan Publik (MPP) Samarinda kini melayani lebih dari [80|90|100] jenis layanan dalam satu gedung. Tanpa calo, tanpa pungutan liar. {#}',
      },
      {
        s: 'neu',
        k: 'official',
        t: '📢 Laporkan pelayanan publik yang tidak sesuai standar melalui kanal pengaduan resmi Pemkot Samarinda. Identitas pelapor dirahasiakan. {#}',
      },
      { s: 'neg', k: 'warga', r: 'i', t: 'ke {b:kantor} {jam}, {b:masalah}. [gini katanya melayani|capek deh] {@}' },
      {
        s: 'neg',
        k: 'warga',
        r: 'f',
        t: 'Saya melaporkan bahwa di {b:kantor} {b:masalah}. Mohon Inspektorat menindaklanjuti agar tidak terulang. {@}',
      },
      {
        s: 'neg',
        k: 'warga',
        r: 'i',
        t: 'lapor lewat aplikasi pengaduan dari {durasi} lalu statusnya masih "diproses". [diproses sampe kiamat|lucu] {#}',
      },
      {
        s: 'pos',
        k: 'warga',
        r: 'i',
        t: 'urus izin usaha di MPP samarinda cepet bgt, gak ada pungutan apa2. petugasnya ramah 👍 {#}',
      },
      {
        s: 'pos',
        k: 'warga',
        r: 'f',
        t: 'Apresiasi untuk pegawai {b:kantor} yang melayani dengan sabar dan tuntas. Semoga menjadi contoh bagi kantor lain.',
      },
    ],
  },
  {
    category: 'pertanian',
    weight: 4,
    hashtags: ['#petanisamarinda', '#pertanian', '#pupuksubsidi', '#samarinda'],
    mentions: ['@demo_distansmd', '@demo_pemkotsmd'],
    banks: {
      tempat: ['Makroman', 'Lempake', 'Tanah Merah', 'Budaya Pampang', 'Bantuas', 'Sungai Siring', 'Sindang Sari'],
      masalah: [
        'pupuk subsidi langka',
        'irigasi kering',
        'sawah terendam dan gagal panen',
        'hama wereng menyerang padi',
        'harga gabah anjlok',
        'penyuluh jarang datang',
      ],
    },
    templates: [
      {
        s: 'neg',
        k: 'news',
        t: 'Petani di {b:tempat} Keluhkan {b:masalah}. Kelompok tani setempat menyebut produksi musim ini diperkirakan turun hingga [30|40|50] persen.',
      },
      {
        s: 'pos',
        k: 'news',
        t: 'Panen Raya Padi di Kelurahan {b:tempat}, Hasil Capai [5|6] Ton per Hektare. Dinas Pertanian Samarinda menyebut bantuan benih unggul dan pendampingan penyuluh membuahkan hasil.',
      },
      {
        s: 'neu',
        k: 'official',
        t: '📢 Penyaluran pupuk bersubsidi untuk kelompok tani di Kelurahan {b:tempat} dilaksanakan {hari} di kios resmi. Petani wajib terdaftar dalam e-RDKK. {#}',
      },
      { s: 'neg', k: 'warga', r: 'i', t: 'petani di {b:tempat} pusing, {b:masalah}. musim tanam udh mepet {@}' },
      {
        s: 'neg',
        k: 'warga',
        r: 'f',
        t: 'Kami kelompok tani di {b:tempat} mengeluhkan {b:masalah}. Mohon Dinas Pertanian turun langsung ke lapangan.',
      },
      {
        s: 'pos',
        k: 'warga',
        r: 'i',
        t: 'alhamdulillah panen sayur di {b:tempat} bagus, bantuan pompa air dari dinas kepake bgt 🌱🙏',
      },
      {
        s: 'neu',
        k: 'warga',
        r: 'i',
        t: 'ada info jadwal penyuluhan pertanian di {b:tempat} gak? mau belajar bikin pupuk organik',
      },
    ],
  },
  {
    category: 'lainnya',
    weight: 9,
    hashtags: ['#samarinda', '#samarindaku', '#kulinersamarinda', '#kaltim', '#explore'],
    mentions: ['@demo_infosmd', '@demo_pemkotsmd'],
    banks: {
      kuliner: ['nasi kuning', 'amplang', 'gangan asam', 'soto banjar', 'sate payau', 'es pisang ijo', 'pentol bakar'],
      acara: [
        'festival Mahakam',
        'konser di GOR Segiri',
        'pameran otomotif',
        'lomba perahu naga',
        'car free day',
        'pasar malam',
      ],
      obrolan: [
        'panas bgt hari ini kayak ada 3 matahari',
        'senja di Tepian Mahakam selalu juara',
        'rindu masakan mama',
        'mau nonton bola di mana yg rame',
        'weekend enaknya ke mana ya',
      ],
    },
    templates: [
      {
        s: 'pos',
        k: 'news',
        t: 'Ribuan Warga Padati {b:acara} di Tepian Mahakam. Acara yang digelar hingga malam ini turut menggerakkan ekonomi pedagang kecil di sekitar lokasi.',
      },
      {
        s: 'neu',
        k: 'news',
        t: 'Jadwal Car Free Day Samarinda Pekan Ini Dipindah. Panitia menyebut kegiatan akan berlangsung di {jalan} mulai pukul 06.00 WITA.',
      },
      {
        s: 'pos',
        k: 'official',
        t: 'Selamat pagi Samarinda! Jangan lupa hadir di {b:acara} akhir pekan ini. Ajak keluarga dan teman-teman. {#}',
      },
      { s: 'pos', k: 'warga', r: 'i', t: '{b:kuliner} di dekat {lm} enak bgt sumpah, wajib coba kalo ke {kec} 😍 {#}' },
      { s: 'neu', k: 'warga', r: 'i', t: '{b:obrolan} {#}' },
      {
        s: 'neu',
        k: 'warga',
        r: 'i',
        t: 'rekomendasi {b:kuliner} yg enak di {kec} dong, [lagi ngidam|buat sarapan besok|tamu dari jawa mau coba]',
      },
      { s: 'pos', k: 'warga', r: 'i', t: 'sunset dari jembatan mahakam sore ini cakep bgt 🌅 {#}' },
      { s: 'neu', k: 'warga', r: 'i', t: '{b:acara} jadi gak sih {hari}? ada info kah {@}' },
      {
        s: 'neg',
        k: 'warga',
        r: 'i',
        t: 'kecewa sama {b:acara} kemarin, [panitianya kacau|antre masuknya parah|parkirnya mahal] 😒',
      },
      {
        s: 'neu',
        k: 'warga',
        r: 'f',
        t: 'Selamat hari jadi untuk komunitas pecinta sepeda Samarinda. Sampai jumpa di {b:acara} berikutnya.',
      },
    ],
  },
];
