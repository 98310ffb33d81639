/**
 * A base Indonesian vocabulary written for Pantau Isu: function words, everyday nouns and verbs, and the
 * public-service words people put in hashtags (#jalanrusak, #banjirlagi, #layananpublik). Used to split
 * hashtags into words and to decide whether an elongated or doubled spelling is a known word.
 * The sentiment lexicon and the slang targets are added to it at start-up.
 */
export const BASE_WORDS_SOURCE = `
ada adalah agar air akan akhir aku akun alam alat aman ambil anak anda angin angka angkot angkutan antar antara
anti apa apakah api apbd april asal atas atau awal ayo baca badan bagai bagaimana bagi bagian bahan bahwa baik
bakti balai balik bandara bangun bangunan banjir bank bantu bantuan banyak bapak barang barat baru basah batas
batu bawa bawah bayar bayi beban bebas beda begitu begini bekerja belajar belakang beli belum benar bencana
bendungan bensin berapa berat beri berita bersama bersih besar besok betul biasa biaya bila bilang bisa bocor
bola boleh bulan buang buat buka buku bumi bunga buruh butuh cabai cahaya cair cara cari catat cek cepat cerita
covid cuaca cukup daerah dahulu dalam dampak dan dana dapat dapur darah darat dari darurat data datang dekat
demam demo dengan depan desa detik dewan di dia diam dinas dini dokter duduk dua dulu dunia ekonomi ember emas
empat enam energi gagal gaji ganti gardu gas gedung gempa gelap gerak gereja gizi gorong gotong royong gratis
gubernur gudang guru gula gunung guna habis hadir hal halaman hama hampir hancur hari harga harus hasil hati
hidup hilang hijau hitam hormat hujan hukum hutan ibu ide ikan ikut ilmu imunisasi indah informasi ingat ingin
inilah ini internet isi istri itu iuran izin jadi jaga jalan jalur jam jaman jangan januari jarak jaringan jasa
jatuh jauh jawab jelas jembatan jenis jika jiwa juga jual jumlah jumat kabar kabel kabupaten kaca kadang kain
kali kalian kalau kamar kami kampung kampus kamu kanal kanan kantor kapan kapal karena karya kasih kasus kata
kaum kawasan kaya kayu ke kebakaran kebersihan kebun kecamatan kecelakaan kecil kedua keluar keluarga kelurahan
kemarau kemarin kembali kendaraan kenapa kepala kepada kerja kering kertas kesehatan ketua khusus kini kiri
kirim kita kolam kondisi kopi korban kota kotor kuat kuburan kuning kurang lagi lahan lahir lain lalu lalu lintas
lama lampu langit langsung lantai lapangan lapor laporan lari laut layanan lebih lelang lembaga lewat libur
lima lingkungan listrik lokasi longsor luar lubang luas lupa macet mahal main maju makan maksud mala malam
mana mandi mangrove masa masalah masjid masuk masyarakat mata mati mau mayat meja mesin milik minggu minta
minum minyak miskin mobil mohon motor muda mudah mulai mulut mungkin murah murid musim nama nanti negara negeri
nelayan nenek nilai nomor nyata obat olah oleh operasi orang pada pagi pajak pak pakai paket paling pangan
panas pangkalan panitia pantai pasar pasien pasti patah pecah pegawai pejabat pekan pelabuhan pelajar
pelayanan pemadam pembangunan pemerintah pemilu pemuda penduduk pengaduan penting penuh perahu perbaikan
perempuan pergi perlu pernah pertama pertanian perumahan pesan petani petugas pindah pintu pipa pohon polisi
pompa posyandu program proyek pukul pulang puluh pupuk pusat putus puskesmas rakyat ramai rambu rawan rawat
rekening rendah rencana resmi retak ribu riwayat rontok rumah rusak saat sabtu sakit saluran salah sama sampah
sampai sana sangat sapi satu saudara sawah saya sebab sebelum sedang sedikit segera sehat sekali sekolah selalu
selamat selatan selasa semua senin seperti serta setiap siang siapa sini situ sopir sore suara sudah sumber
sungai surat susah susu tahun tak tali taman tambah tanah tangan tanggal tanggap tanpa tapi tarif tas tawar
tebang tegas tekanan teknis telepon teman tempat tengah tenaga terang terbuka terima terlambat terus tetangga
tiang tiba tidak tiga tikus timur tinggal tinggi tolong tongkat toko trotoar truk tua tuan tujuh tukang tumbuh
tunggu turun tutup uang udara ujung ukur ulang umum untuk upah urus usaha utara vaksin waktu walikota wali
wanita warga warung wilayah ya yang zona
aspal banjar bansos bbm beras berobat bupati camat covid dprd ekspedisi elpiji genangan hujan irigasi jalanan
jamban kades kapolres kapolsek kebijakan kemacetan keamanan kependudukan ketertiban kriminal lurah minimarket
ojek ojol paspor pdam pelantikan pemadaman pemkab pemkot pemprov penerangan pengaspalan penggusuran perizinan
pln posko pju pkl pungutan ranperda rehab relokasi retribusi rs rsud rt rw samsat satpol sekda sembako sertifikat
sinyal stunting subsidi tambal tilang tps tpa transportasi tunjangan ulama ump umr wisata
save pray stop go love like good bad happy sad viral update breaking news info
`;

/** Place names people put in hashtags (#banjirsamarinda): known words for splitting, but names, not everyday words. */
export const PLACE_VOCABULARY_SOURCE = `
aceh sumatera sumut sumbar riau jambi bengkulu lampung bangka belitung kepri banten jabar jateng jatim diy bali
ntb ntt kalbar kalteng kalsel kaltim kaltara sulut sulteng sulsel sultra gorontalo sulbar maluku malut papua
jakarta bogor depok tangerang bekasi bandung cimahi cirebon sukabumi tasikmalaya garut karawang purwakarta
semarang solo surakarta magelang salatiga pekalongan tegal kudus pati jepara klaten boyolali sragen purwokerto
banyumas cilacap yogyakarta jogja sleman bantul surabaya malang batu kediri blitar madiun mojokerto pasuruan
probolinggo jember banyuwangi sidoarjo gresik lamongan tuban bojonegoro denpasar badung gianyar mataram kupang
medan binjai pematangsiantar padang bukittinggi pekanbaru dumai palembang jambi bandar batam tanjungpinang
pontianak singkawang palangkaraya banjarmasin banjarbaru balikpapan samarinda bontang tarakan manado bitung
palu makassar parepare kendari ambon ternate jayapura sorong merauke serang cilegon sungai kunjang
`;

export const BASE_VOCABULARY_SOURCE = BASE_WORDS_SOURCE + PLACE_VOCABULARY_SOURCE;
