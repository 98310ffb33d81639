/** Name of the dashboard's httpOnly session cookie. */
export const SESSION_COOKIE = 'pantau_session';

/** Header a cookie-authenticated state-changing request must carry (CSRF defence: browsers cannot set it cross-site). */
export const CSRF_HEADER = 'x-requested-with';

/** Login throttling: per account (lock) and per address (window). */
export const LOGIN_LIMITS = {
  accountFailures: 5,
  accountLockMinutes: 15,
  addressFailures: 20,
  addressWindowMinutes: 15,
} as const;

/** Messages users read (Bahasa Indonesia). */
export const AUTH_MESSAGES = {
  badCredentials: 'Nama pengguna atau kata sandi salah',
  accountLocked: 'Terlalu banyak percobaan masuk yang gagal untuk akun ini. Coba lagi dalam 15 menit.',
  addressLimited: 'Terlalu banyak percobaan masuk yang gagal dari alamat ini. Coba lagi dalam 15 menit.',
  notSignedIn: 'Silakan masuk terlebih dahulu',
  sessionInvalid: 'Sesi tidak berlaku atau telah berakhir. Silakan masuk kembali.',
  apiKeyInvalid: 'Kunci API tidak valid atau telah dicabut',
  forbiddenRole: 'Peran Anda tidak memiliki akses ke fitur ini',
  undeclaredRoute: 'Akses ditolak: rute ini tidak menyatakan hak aksesnya',
  mustChangePassword: 'Anda harus mengganti kata sandi terlebih dahulu',
  csrf: 'Permintaan ditolak: permintaan yang memakai cookie sesi wajib menyertakan header X-Requested-With',
  csrfForm:
    'Permintaan ditolak: kirim data sebagai JSON (Content-Type: application/json) atau dengan header X-Requested-With',
  wrongCurrentPassword: 'Kata sandi saat ini salah',
  mustEnrolTwoFactor: 'Anda harus mengaktifkan verifikasi dua langkah terlebih dahulu (menu Akun)',
  wrongTwoFactorCode: 'Kode verifikasi salah atau sudah dipakai',
  challengeExpired: 'Langkah verifikasi telah berakhir atau tidak berlaku. Silakan masuk kembali.',
  twoFactorAlreadyOn:
    'Verifikasi dua langkah sudah aktif. Nonaktifkan terlebih dahulu untuk mendaftarkan perangkat baru.',
  twoFactorNotStarted:
    'Belum ada pendaftaran verifikasi dua langkah yang menunggu konfirmasi. Mulai pendaftaran terlebih dahulu.',
  twoFactorOff: 'Verifikasi dua langkah belum aktif untuk akun ini',
  disableNeedsProof: 'Isi kode verifikasi (atau kode pemulihan) atau kata sandi saat ini',
} as const;

/** How long the code step of a login may follow its password step. */
export const LOGIN_CHALLENGE_MINUTES = 5;
