/**
 * Ordinary Indonesian words (and a few regional ones) that are also names, or parts of names, of villages, districts
 * and even regencies. A bare place name made only of these words is never matched without a trigger word
 * (`desa Jati`, `kecamatan Baru`) or a mentioned parent: `jalan baru`, `pasar jaya`, `air sungai naik` stay words.
 * Written by hand for this project; the analyzer adds the category keywords and sentiment lexicon on top.
 */
const WORDS = `
ada adil agung air akar alam alas aman anak angin anggrek anyar api apel arah aren asam asem atas awan ayam
bagus bahagia bahari baik bakti balai baldi bambu bandar bangun banjar bantal banyak barat baru batang batas
batu bawah bawang bayan beji belakang belimbing benteng beras berkah bersatu besar besi biru bintang bojong
buah bukit bulan bulu bumi bunga bungur bunut buntu buruk busur cahaya candi cemara cempaka cendana cerah
cinta cipta dadi dalam damai danau dangau darat dasar datar daun delima desa dewi dingin dua duku dukuh durian
elok emas empat enam gading gajah gambir gang gardu gedang gedong gedung gemilang gili giri gondang gowok
gudang gunung hamparan harapan harjo harum hijau hilir hulu hutan ibu ilir indah induk intan jaya jalan jambu
jati jaten jembatan jeruk jetis jurang kaca kahuripan kali kaliwungu kampung kandang kapuk karang karet karya
kasih kauman kayu kebon kebun kecil kedung kelapa kemang kembang kemiri kenanga kepuh ketapang kidul kiri
kolam kopi kota krajan kuala kubu kulon kuning kuta laban labuhan ladang lama langit langsat laut lebak lembah
lestari lima lor lorong lubuk lumbung lurus maju makmur malang mandiri mangga manggis manis mas masjid mata
mawar megah mekar melati merah merdeka mesjid muara mukti mulia mulya mulyo muncul murni nagari nangka negara
negeri nusa nyiur padang padi pagar pakis paku palem pandan pangkalan panjang pantai parit pasar pasir pati
pelita peninggalan pematang pendopo penuh perak perdamaian permai pertiwi petak pinang pisang pondok prima
pucuk pulau pulo puncak pura purwo putih rahayu raja rakyat rambutan rantau rawa raya rejeki rejo rimba
rukun rumah sakti salak sampang sari satu sawah sawit sawo sebelas sejahtera sekar selamat selatan semanggi
sembilan sempurna senang sentosa sepakat serang seribu setia simpang sinar situ subur suka sukses sumber
sungai surya tambak taman tambakrejo tanah tani tanjung tapak tegal tegalrejo teluk tempat tengah tenggara
tengah teratai terang timur tinggi tirta tiga tua tugu tujuh tumbang tunas ujung ulu umbul unggul utama utara
wangi waru wetan wono
kudus batu batang buru seram bone landak metro kuningan asahan lahat muna alor ende belu malaka aru sula
agam karo kaur dairi toba nias siak kampar sigi poso bima solok sorong tebo bungo barru maros gowa lebak
pacitan puncak jaya bara
`;

export const DEFAULT_COMMON_PLACE_WORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter((w) => w.length > 0));

/**
 * Regency or province names that are ordinary words but that people mostly use for the place after a locative
 * preposition (`banjir di malang`, `warga serang`): accepted bare only right after one of LOCATIVE_WORDS.
 */
export const LOCATIVE_PLACE_WORDS: ReadonlySet<string> = new Set([
  'malang',
  'padang',
  'serang',
  'tegal',
  'pati',
  'kudus',
  'kuningan',
  'metro',
  'banjar',
  'sorong',
  'bone',
  'lebak',
  'solok',
  'bima',
  'poso',
  'agam',
  'karo',
  'toba',
  'nias',
  'siak',
  'kampar',
  'dairi',
  'gowa',
  'maros',
  'tebo',
  'bungo',
  'lahat',
  'muna',
  'alor',
  'ende',
  'belu',
  'asahan',
  'malaka',
  'sigi',
  'barru',
  'kaur',
  'pacitan',
  'sula',
  'aru',
  'landak',
  'ketapang',
  'sampang',
  'jaya',
]);

export const LOCATIVE_WORDS: ReadonlySet<string> = new Set([
  'di',
  'ke',
  'dari',
  'daerah',
  'wilayah',
  'kawasan',
  'warga',
  'sekitar',
  'seputar',
  'area',
  'pemkab',
  'pemkot',
  'pemda',
  'dprd',
  'bupati',
  'walikota',
  'wali',
  'wilayahnya',
]);
