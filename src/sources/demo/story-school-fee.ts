import { n, o, w, wf, type StoryScript } from './story-line.js';

/**
 * Story 3: a school-fee (pungutan) scandal at a public junior high school. The school, "SMP Negeri 61 Samarinda",
 * and everybody in the story are invented. A parent posts a committee letter demanding a "sumbangan wajib" in the
 * evening; it spreads overnight, bursts the next morning (other parents, news, Disdik), then the inspectorate
 * steps in and the money is returned.
 */
export const SCHOOL_FEE_STORY: StoryScript = {
  story: 'pungutan-sekolah',
  category: 'pendidikan',
  lines: [
    w(1140, '-', 'anak saya di SMPN 61 dapet surat dari komite: "sumbangan wajib" Rp1.750.000 buat pembangunan pagar & kanopi, paling lambat akhir bulan. sumbangan kok wajib? sekolah negeri bukannya gratis?', 'Sungai Pinang Dalam', 'facebook'),
    w(1158, '-', 'sama, di grup wali murid kelas 8 juga rame. yg gak bayar katanya rapor ditahan 😡', 'Sungai Pinang Dalam'),
    w(1172, '0', 'ini beneran SMPN 61 Samarinda? ada fotonya suratnya gak? jangan hoaks dulu', undefined, 'x'),
    w(1190, '-', 'foto suratnya ada di postingan sebelumnya, ada stempel komite dan tanda tangan. nominalnya gak masuk akal buat kami yg kerja harian', 'Sungai Pinang Dalam', 'facebook'),
    w(1215, '-', 'tahun lalu juga ada "uang gedung" 1 juta lebih, gak ada laporan dipake buat apa. sekarang pagar lagi', 'Sungai Pinang Dalam'),
    w(1240, '-', 'pungli berkedok sumbangan komite. udah jadi rahasia umum di banyak sekolah 🙄 #pungutansekolah', undefined, 'x'),
    w(1268, '0', 'bapak ibu wali murid SMPN 61, yuk kumpulin bukti surat & chat, kita laporin baik2 ke disdik sama ombudsman', 'Sungai Pinang Dalam', 'facebook'),
    w(1300, '-', 'anak saya pulang nangis, katanya wali kelas bacain nama2 yg belum bayar di depan kelas. ini udah perundungan', 'Sungai Pinang Dalam'),
    wf(1330, '-', 'Sekolah negeri dilarang melakukan pungutan yang bersifat wajib sesuai Permendikbud 75/2016 tentang Komite Sekolah. Sumbangan harus sukarela dan tidak ditentukan jumlah maupun jangka waktunya. Mohon Disdik Samarinda menindaklanjuti kasus SMPN 61.'),
    w(1360, '-', 'ada yg bilang kalo gak bayar anaknya gak dapet kartu ujian. beneran gak sih ini?', 'Sungai Pinang Dalam'),
    // next morning burst (day 2, from 07:00 = 1860)
    w(1855, '-', 'pagi ini viral surat pungutan SMPN 61 Samarinda di semua grup WA. @demo_disdiksmd kemana?? #pungutansekolah', undefined, 'x'),
    w(1866, '-', 'nganter anak ke SMPN 61 tadi, orang tua pada ngumpul di gerbang bahas sumbangan wajib. suasana panas', 'Sungai Pinang Dalam'),
    w(1874, '-', 'gaji UMR, anak 3 sekolah semua. sumbangan 1,7 juta per anak itu darimana duitnya pak komite', 'Sungai Pinang Dalam'),
    n(1882, '-', 'Orang Tua Murid SMPN 61 Samarinda Keluhkan Sumbangan Wajib Rp1,75 Juta. SAMARINDA – Surat komite sekolah yang meminta sumbangan pembangunan pagar dan kanopi beredar luas di media sosial. Sejumlah orang tua mengaku diancam rapor anaknya ditahan bila tidak membayar.', 'Sungai Pinang Dalam'),
    w(1890, '-', 'yang bikin sakit hati: anak dipermalukan depan kelas. uang bisa dicari, mental anak siapa yg tanggung', 'Sungai Pinang Dalam', 'instagram'),
    w(1897, '0', 'kepsek SMPN 61 sudah kasih klarifikasi belum? penasaran versi sekolah gimana', undefined, 'x'),
    w(1905, '-', 'dulu jaman saya SMP juga gini. 20 tahun kemudian masih sama aja. #pungutansekolah', undefined, 'x'),
    wf(1913, '-', 'Saya orang tua siswa kelas 7 SMPN 61. Kami tidak keberatan membantu sekolah secara sukarela, tetapi penentuan nominal dan tenggat serta ancaman penahanan rapor jelas melanggar aturan. Mohon Inspektorat turun tangan.', 'Sungai Pinang Dalam', 'facebook'),
    w(1921, '-', 'tolong disdik jangan cuma "akan kami cek", langsung turun hari ini ke sekolahnya', undefined, 'instagram'),
    w(1930, '-', 'bos dana BOS kemana aja kalo buat pagar masih minta ortu? 🤔 #pungutansekolah', undefined, 'x'),
    n(1940, '0', 'Disdik Samarinda Panggil Kepala SMPN 61 Terkait Sumbangan Wajib. Kepala Dinas Pendidikan menegaskan sekolah negeri tidak boleh memungut biaya yang bersifat wajib dan meminta klarifikasi hari ini juga.', 'Sungai Pinang Dalam'),
    o(1948, 'disdiksmd', '0', 'Menanggapi informasi yang beredar, Dinas Pendidikan Kota Samarinda telah memanggil kepala sekolah dan komite SMPN 61 untuk klarifikasi. Kami tegaskan: tidak boleh ada pungutan wajib di sekolah negeri. Orang tua dapat melapor melalui kanal pengaduan resmi. #pungutansekolah', 'Sungai Pinang Dalam', 'instagram'),
    w(1956, '+', 'gercep juga disdik kali ini. kawal terus sampe tuntas ya 👍', undefined, 'instagram'),
    w(1963, '-', 'klarifikasi doang nanti ujung2nya "miskomunikasi". udah hafal polanya', undefined, 'x'),
    w(1971, '-', 'di SMP lain juga ada kok, cuma gak viral aja. yuk spill sekolah kalian #pungutansekolah', undefined, 'x'),
    w(1979, '-', 'SMP anak saya di Sambutan juga minta "uang kegiatan" 500 ribu per semester, wajib. sama aja', 'Sambutan'),
    w(1988, '0', 'mau lapor pungutan sekolah ke mana ya? ombudsman kaltim atau inspektorat kota?'),
    wf(1996, '-', 'Berikut kronologi dari kami wali murid: surat komite dibagikan hari Senin, rapat komite tidak pernah mengundang seluruh orang tua, dan nominal ditentukan sepihak. Kontak koordinator wali murid: 0811-0000-3916.', 'Sungai Pinang Dalam', 'facebook'),
    w(2005, '-', 'komite sekolah itu harusnya wakil orang tua, bukan tukang tagih sekolah 😤', undefined, 'x'),
    n(2015, '0', 'Kepala SMPN 61: Sumbangan Bersifat Sukarela, Ada Kesalahan Redaksi Surat. Pihak sekolah berdalih kata "wajib" dalam surat merupakan kesalahan penulisan dan tidak ada penahanan rapor.', 'Sungai Pinang Dalam'),
    w(2024, '-', '"kesalahan redaksi" 😂 terus yg bacain nama di depan kelas itu kesalahan apa pak', undefined, 'x'),
    w(2033, '-', 'kesalahan redaksi tapi ada tenggat dan sanksi. masyarakat gak bodoh', undefined, 'instagram'),
    w(2043, '0', 'nunggu inspektorat aja deh, biar jelas siapa yg salah', undefined, 'x'),
    w(2054, '-', 'anak saya sekarang takut masuk sekolah krn merasa dicap "belum bayar". tolong guru2nya dibina', 'Sungai Pinang Dalam'),
    w(2066, '-', 'uang yg udah terkumpul dari ortu yg udah bayar gimana? harus dikembalikan!', 'Sungai Pinang Dalam', 'facebook'),
    w(2080, '-', 'DPRD komisi pendidikan diem aja nih? #pungutansekolah', undefined, 'x'),
    n(2095, '0', 'Ombudsman Kaltim Terima Laporan Pungutan di SMPN 61 Samarinda. Ombudsman akan meminta keterangan Dinas Pendidikan dan komite sekolah dalam pekan ini.'),
    w(2110, '+', 'makasih teman2 media yg ngangkat kasus ini. tanpa viral gak bakal ditanggapi', undefined, 'x'),
    w(2130, '-', 'miris, sekolah negeri tapi rasa swasta. gratis cuma di baliho', undefined, 'tiktok'),
    w(2150, '0', 'podcast sore ini bahas pungutan sekolah negeri: boleh atau tidak? tonton di channel kami', undefined, 'youtube'),
    w(2175, '-', 'ngeri kalo anak kita yg jadi korban bully gara2 ortu gak mampu bayar sumbangan', undefined, 'youtube'),
    // resolution
    o(2300, 'inspektoratsmd', '0', 'Inspektorat Kota Samarinda mulai melakukan pemeriksaan khusus atas penghimpunan sumbangan komite di SMPN 61 Samarinda. Hasil pemeriksaan akan disampaikan kepada wali kota. #antipungli', 'Sungai Pinang Dalam', 'x'),
    n(2380, '0', 'Wali Kota Minta Sumbangan SMPN 61 Dikembalikan ke Orang Tua. Wali kota juga meminta Disdik menerbitkan edaran larangan pungutan wajib ke seluruh SD dan SMP negeri.', 'Sungai Pinang Dalam'),
    w(2420, '+', 'alhamdulillah uang sumbangan dikembalikan. makasih semua yg udah kawal 🙏 #pungutansekolah', 'Sungai Pinang Dalam', 'facebook'),
    w(2470, '-', 'dikembalikan iya, tapi pelakunya dikasih sanksi apa? jangan cuma dipindah tugas', undefined, 'x'),
    o(2540, 'disdiksmd', '0', 'Surat Edaran Kepala Dinas Pendidikan: seluruh SD dan SMP negeri di Kota Samarinda dilarang menarik pungutan wajib dalam bentuk apa pun. Sumbangan komite harus sukarela, tidak mengikat, dan dilaporkan secara terbuka.', undefined, 'facebook'),
    w(2600, '+', 'edarannya bagus, tinggal pengawasannya. ortu jangan takut lapor ya', undefined, 'instagram'),
    w(2700, '0', 'rekap kasus SMPN 61: surat viral, disdik panggil kepsek, ombudsman & inspektorat periksa, uang dikembalikan. 4 hari. kekuatan netizen 😅', undefined, 'x'),
  ],
};
