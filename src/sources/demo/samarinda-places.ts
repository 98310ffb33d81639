/**
 * Places of the demo home region, Kota Samarinda (Kemendagri 64.72). Kecamatan and kelurahan names and codes are
 * copied from idn-area-data (data/districts.csv, data/villages.csv); a spec checks them against that package.
 * Streets and landmarks are public city geography, attached to a kecamatan approximately.
 */

export interface DemoDistrict {
  code: string;
  name: string;
}

export interface DemoVillage {
  code: string;
  name: string;
  districtCode: string;
}

export const DEMO_REGENCY = { code: '64.72', name: 'Kota Samarinda', province: 'Kalimantan Timur' } as const;

export const DEMO_DISTRICTS: readonly DemoDistrict[] = [
  { code: '64.72.01', name: 'Palaran' },
  { code: '64.72.02', name: 'Samarinda Seberang' },
  { code: '64.72.03', name: 'Samarinda Ulu' },
  { code: '64.72.04', name: 'Samarinda Ilir' },
  { code: '64.72.05', name: 'Samarinda Utara' },
  { code: '64.72.06', name: 'Sungai Kunjang' },
  { code: '64.72.07', name: 'Sambutan' },
  { code: '64.72.08', name: 'Sungai Pinang' },
  { code: '64.72.09', name: 'Samarinda Kota' },
  { code: '64.72.10', name: 'Loa Janan Ilir' },
];

const V = (code: string, name: string): DemoVillage => ({ code, name, districtCode: code.slice(0, 8) });

export const DEMO_VILLAGES: readonly DemoVillage[] = [
  V('64.72.01.1001', 'Rawa Makmur'),
  V('64.72.01.1002', 'Handil Bakti'),
  V('64.72.01.1003', 'Bukuan'),
  V('64.72.01.1004', 'Simpang Pasir'),
  V('64.72.01.1005', 'Bantuas'),
  V('64.72.02.1001', 'Sungai Keledang'),
  V('64.72.02.1002', 'Baqa'),
  V('64.72.02.1003', 'Mesjid'),
  V('64.72.02.1009', 'Mangkupalas'),
  V('64.72.02.1010', 'Tenun Samarinda'),
  V('64.72.02.1011', 'Gunung Panjang'),
  V('64.72.03.1001', 'Teluk Lerong Ilir'),
  V('64.72.03.1002', 'Jawa'),
  V('64.72.03.1004', 'Air Putih'),
  V('64.72.03.1005', 'Sidodadi'),
  V('64.72.03.1006', 'Air Hitam'),
  V('64.72.03.1007', 'Dadi Mulya'),
  V('64.72.03.1008', 'Gunung Kelua'),
  V('64.72.03.1009', 'Bukit Pinang'),
  V('64.72.04.1001', 'Selili'),
  V('64.72.04.1002', 'Sungai Dama'),
  V('64.72.04.1003', 'Sidomulyo'),
  V('64.72.04.1013', 'Sidodamai'),
  V('64.72.04.1014', 'Pelita'),
  V('64.72.05.1002', 'Sempaja Selatan'),
  V('64.72.05.1003', 'Lempake'),
  V('64.72.05.1004', 'Sungai Siring'),
  V('64.72.05.1010', 'Sempaja Utara'),
  V('64.72.05.1011', 'Tanah Merah'),
  V('64.72.05.1012', 'Sempaja Barat'),
  V('64.72.05.1013', 'Sempaja Timur'),
  V('64.72.05.1014', 'Budaya Pampang'),
  V('64.72.06.1001', 'Loa Bakung'),
  V('64.72.06.1002', 'Loa Buah'),
  V('64.72.06.1003', 'Karang Asam Ulu'),
  V('64.72.06.1004', 'Lok Bahu'),
  V('64.72.06.1005', 'Teluk Lerong Ulu'),
  V('64.72.06.1006', 'Karang Asam Ilir'),
  V('64.72.06.1007', 'Karang Anyar'),
  V('64.72.07.1001', 'Sungai Kapih'),
  V('64.72.07.1002', 'Sambutan'),
  V('64.72.07.1003', 'Makroman'),
  V('64.72.07.1004', 'Sindang Sari'),
  V('64.72.07.1005', 'Pulau Atas'),
  V('64.72.08.1001', 'Temindung Permai'),
  V('64.72.08.1002', 'Sungai Pinang Dalam'),
  V('64.72.08.1003', 'Gunung Lingai'),
  V('64.72.08.1004', 'Mugirejo'),
  V('64.72.08.1005', 'Bandara'),
  V('64.72.09.1001', 'Karang Mumus'),
  V('64.72.09.1002', 'Pelabuhan'),
  V('64.72.09.1003', 'Pasar Pagi'),
  V('64.72.09.1004', 'Bugis'),
  V('64.72.09.1005', 'Sungai Pinang Luar'),
  V('64.72.10.1001', 'Simpang Tiga'),
  V('64.72.10.1002', 'Tani Aman'),
  V('64.72.10.1003', 'Sengkotek'),
  V('64.72.10.1004', 'Harapan Baru'),
  V('64.72.10.1005', 'Rapak Dalam'),
];

/** Streets by kecamatan code (approximate; used to make complaints concrete). */
export const DEMO_STREETS: Readonly<Record<string, readonly string[]>> = {
  '64.72.01': ['Jl. Trikora', 'Jl. Ampera', 'Jl. Olah Bebaya', 'Jl. Padat Karya'],
  '64.72.02': ['Jl. Bung Tomo', 'Jl. Cipto Mangunkusumo', 'Jl. Sultan Hasanuddin', 'Jl. Mangkupalas'],
  '64.72.03': ['Jl. Juanda', 'Jl. Suryanata', 'Jl. AW Syahranie', 'Jl. Pramuka', 'Jl. M. Yamin', 'Jl. Wahid Hasyim'],
  '64.72.04': ['Jl. Sultan Alimuddin', 'Jl. Lambung Mangkurat', 'Jl. Otto Iskandardinata', 'Jl. Jelawat'],
  '64.72.05': ['Jl. PM Noor', 'Jl. Padat Karya Sempaja', 'Jl. Wahid Hasyim II', 'Jl. Poros Samarinda–Bontang'],
  '64.72.06': ['Jl. Slamet Riyadi', 'Jl. Tengkawang', 'Jl. Jakarta', 'Jl. Ciptomangunkusumo Loa Janan', 'Jl. Gerilya'],
  '64.72.07': ['Jl. Sultan Sulaiman', 'Jl. Pangeran Suryanata Sambutan', 'Jl. Sungai Kapih', 'Jl. Makroman'],
  '64.72.08': ['Jl. DI Panjaitan', 'Jl. Ahmad Yani', 'Jl. Damanhuri', 'Jl. Gatot Subroto', 'Jl. Mugirejo'],
  '64.72.09': ['Jl. P. Diponegoro', 'Jl. Pahlawan', 'Jl. Niaga', 'Jl. Imam Bonjol', 'Jl. KH. Mas Mansyur'],
  '64.72.10': ['Jl. Soekarno-Hatta', 'Jl. HAM Rifaddin', 'Jl. Sengkotek', 'Jl. Poros Loa Janan'],
};

/** Landmarks by kecamatan code. */
export const DEMO_LANDMARKS: Readonly<Record<string, readonly string[]>> = {
  '64.72.01': ['Stadion Utama Palaran', 'Pelabuhan Peti Kemas Palaran', 'Pasar Palaran'],
  '64.72.02': ['Jembatan Mahakam Ulu', 'Kampung Tenun', 'Pasar Baqa'],
  '64.72.03': ['Simpang Air Hitam', 'Polder Air Hitam', 'Taman Samarendah', 'Jalan Juanda depan kampus'],
  '64.72.04': ['Pasar Segiri', 'Islamic Center', 'Sungai Karang Mumus', 'Pasar Merdeka'],
  '64.72.05': ['Bendungan Benanga', 'Simpang Sempaja', 'Kampus Gunung Kelua', 'Desa Budaya Pampang'],
  '64.72.06': ['Terminal Sungai Kunjang', 'Pasar Kedondong', 'Simpang Lembuswana', 'Jembatan Mahulu'],
  '64.72.07': ['TPA Sambutan', 'Pasar Sungai Kapih', 'Jalan Sultan Sulaiman'],
  '64.72.08': ['Lapangan Temindung', 'akses Bandara APT Pranoto', 'Pasar Lotus'],
  '64.72.09': ['Tepian Mahakam', 'Citra Niaga', 'Pasar Pagi', 'Pelabuhan Samarinda', 'Masjid Raya Darussalam'],
  '64.72.10': ['Jembatan Mahakam', 'Simpang Tiga Loa Janan', 'Pasar Harapan Baru'],
};

export function villagesOf(districtCode: string): DemoVillage[] {
  return DEMO_VILLAGES.filter((v) => v.districtCode === districtCode);
}

export function districtOf(code: string): DemoDistrict {
  const d = DEMO_DISTRICTS.find((x) => x.code === code.slice(0, 8));
  if (!d) {
    throw new Error(`unknown district for ${code}`);
  }
  return d;
}

export function villageByName(name: string): DemoVillage {
  const v = DEMO_VILLAGES.find((x) => x.name === name);
  if (!v) {
    throw new Error(`unknown village ${name}`);
  }
  return v;
}
