import { jest } from '@jest/globals';
import { generate } from 'otplib';
import pg from 'pg';
import request from 'supertest';
import { Role } from '../../src/auth/roles.decorator.js';
import { createUser, login, TestUser } from '../support/auth.js';
import { startTestSystem, TestSystem } from '../support/test-system.js';

// Booting the whole application takes several seconds on a busy 2-core machine.
jest.setTimeout(120_000);

/** The code an authenticator app shows `steps` time steps from now (the server accepts one step either side). */
function codeAt(secret: string, steps = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });
}

/**
 * Two-factor login against the real application: codes computed by otplib as an authenticator app would. The system
 * runs with PANTAU_REQUIRE_2FA=true, which obliges admins only.
 */
describe('two-factor login (TOTP) and recovery codes', () => {
  let running: TestSystem;
  let db: pg.Client;
  const api = () => request(running.url);
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    running = await startTestSystem({ env: { PANTAU_REQUIRE_2FA: 'true' } });
    db = new pg.Client(running.database.url);
    await db.connect();
  });

  afterAll(async () => {
    await db.end();
    await running.stop();
  });

  /** Enrols and confirms with the current code; returns the secret and the recovery codes. */
  async function enrol(token: string): Promise<{ secret: string; recoveryCodes: string[] }> {
    const started = await api().post('/api/account/two-factor/enrol').set(bearer(token)).expect(200);
    const secret = started.body.secret as string;
    const confirmed = await api()
      .post('/api/account/two-factor/confirm')
      .set(bearer(token))
      .send({ code: await codeAt(secret) })
      .expect(200);
    return { secret, recoveryCodes: confirmed.body.recoveryCodes as string[] };
  }

  async function passwordStep(user: TestUser): Promise<string> {
    const response = await api()
      .post('/api/auth/login')
      .send({ username: user.username, password: user.password })
      .expect(200);
    expect(response.body).toEqual({ twoFactorRequired: true, challengeToken: expect.any(String) });
    expect(response.headers['set-cookie']).toBeUndefined();
    return response.body.challengeToken as string;
  }

  async function auditActions(userId: string): Promise<{ action: string; details: Record<string, unknown> }[]> {
    const { rows } = await db.query<{ action: string; details: Record<string, unknown> }>(
      `SELECT action, details FROM audit_log WHERE target_id = $1 ORDER BY id`,
      [userId],
    );
    return rows;
  }

  it('should enrol with a secret as text and a local QR code, keep the secret encrypted and the codes hashed', async () => {
    const user = await createUser(running, { role: Role.Pimpinan });
    const token = await login(running, user.username, user.password);
    const started = await api().post('/api/account/two-factor/enrol').set(bearer(token)).expect(200);
    const { secret, otpauthUrl, qrCode } = started.body as { secret: string; otpauthUrl: string; qrCode: string };
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauthUrl).toBe(
      `otpauth://totp/Pantau%20Isu:${encodeURIComponent(user.username)}?secret=${secret}&issuer=Pantau%20Isu`,
    );
    expect(Buffer.from(qrCode.replace('data:image/svg+xml;base64,', ''), 'base64').toString()).toMatch(/^<svg /);

    // Not on until confirmed: the login stays one step, and a wrong code is refused in Indonesian.
    expect((await api().get('/api/account/two-factor').set(bearer(token)).expect(200)).body).toMatchObject({
      enabled: false,
      pending: true,
    });
    const wrong = await api()
      .post('/api/account/two-factor/confirm')
      .set(bearer(token))
      .send({ code: '000000' === (await codeAt(secret)) ? '111111' : '000000' })
      .expect(400);
    expect(wrong.body.message).toEqual(['code: Kode verifikasi salah atau sudah dipakai']);

    const confirmed = await api()
      .post('/api/account/two-factor/confirm')
      .set(bearer(token))
      .send({ code: await codeAt(secret) })
      .expect(200);
    const codes = confirmed.body.recoveryCodes as string[];
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    codes.forEach((code) => expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/));

    const stored = await db.query(`SELECT secret_encrypted, enabled_at FROM user_two_factor WHERE user_id = $1`, [
      user.id,
    ]);
    expect(stored.rows[0].enabled_at).not.toBeNull();
    expect(stored.rows[0].secret_encrypted).toMatch(/^v1\./);
    expect(stored.rows[0].secret_encrypted).not.toContain(secret);
    const hashes = await db.query(`SELECT code_hash FROM user_recovery_codes WHERE user_id = $1`, [user.id]);
    expect(hashes.rows).toHaveLength(10);
    const hashText = JSON.stringify(hashes.rows);
    codes.forEach((code) => {
      expect(hashText).not.toContain(code);
      expect(hashText).not.toContain(code.replace('-', ''));
    });
    expect((await api().get('/api/account/two-factor').set(bearer(token)).expect(200)).body).toMatchObject({
      enabled: true,
      pending: false,
      recoveryCodesLeft: 10,
      required: false,
    });
    // A second enrolment while on is refused.
    const again = await api().post('/api/account/two-factor/enrol').set(bearer(token)).expect(409);
    expect(again.body.message).toMatch(/sudah aktif/);
    // The audit log names the events, never the secret or a code.
    const audit = await auditActions(user.id);
    expect(audit.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(['auth.two-factor.enrol-start', 'auth.two-factor.enable']),
    );
    const auditText = JSON.stringify(audit);
    expect(auditText).not.toContain(secret);
    codes.forEach((code) => expect(auditText).not.toContain(code));
  });

  it('should make the login two steps: password, then a code that is accepted once', async () => {
    const user = await createUser(running, { role: Role.Pimpinan });
    const other = await login(running, user.username, user.password);
    const { secret } = await enrol(other);
    // Sessions opened with the password alone end when 2FA is turned on, except the one that turned it on.
    await api().get('/api/auth/me').set(bearer(other)).expect(200);

    const challenge = await passwordStep(user);
    const wrong = await api()
      .post('/api/auth/login/two-factor')
      .send({ challengeToken: challenge, code: '12345' })
      .expect(401);
    expect(wrong.body.message).toBe('Kode verifikasi salah atau sudah dipakai');
    const code = await codeAt(secret, 1);
    const done = await api().post('/api/auth/login/two-factor').send({ challengeToken: challenge, code }).expect(200);
    expect(done.body).toEqual({
      twoFactorRequired: false,
      accessToken: expect.any(String),
      mustChangePassword: false,
      mustEnrolTwoFactor: false,
    });
    expect(String(done.headers['set-cookie'])).toMatch(/pantau_session=/);
    const me = await api().get('/api/auth/me').set(bearer(done.body.accessToken)).expect(200);
    expect(me.body).toMatchObject({ id: user.id, twoFactorEnabled: true, mustEnrolTwoFactor: false });

    // The challenge is used up; the same code is refused with a fresh challenge (no replay).
    const reused = await api().post('/api/auth/login/two-factor').send({ challengeToken: challenge, code }).expect(401);
    expect(reused.body.message).toMatch(/Langkah verifikasi telah berakhir/);
    const replay = await api()
      .post('/api/auth/login/two-factor')
      .send({ challengeToken: await passwordStep(user), code })
      .expect(401);
    expect(replay.body.message).toBe('Kode verifikasi salah atau sudah dipakai');
    // A challenge past its five minutes is refused.
    const late = await passwordStep(user);
    await db.query(`UPDATE login_challenges SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [
      user.id,
    ]);
    await api()
      .post('/api/auth/login/two-factor')
      .send({ challengeToken: late, code: await codeAt(secret, 1) })
      .expect(401);

    const audit = await auditActions(user.id);
    expect(audit.filter((entry) => entry.action === 'auth.two-factor.challenge').length).toBeGreaterThanOrEqual(3);
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: 'auth.login', details: { twoFactor: 'totp' } },
        { action: 'auth.login-failed', details: { account: user.username.toLowerCase(), step: 'two-factor' } },
      ]),
    );
  });

  it('should accept each recovery code once instead of the app code', async () => {
    const user = await createUser(running, { role: Role.Analyst });
    const { recoveryCodes } = await enrol(await login(running, user.username, user.password));
    const [first] = recoveryCodes;
    const done = await api()
      .post('/api/auth/login/two-factor')
      .send({ challengeToken: await passwordStep(user), code: ` ${first.toUpperCase().replace('-', ' ')} ` })
      .expect(200);
    const status = await api().get('/api/account/two-factor').set(bearer(done.body.accessToken)).expect(200);
    expect(status.body.recoveryCodesLeft).toBe(9);
    await api()
      .post('/api/auth/login/two-factor')
      .send({ challengeToken: await passwordStep(user), code: first })
      .expect(401);
    const audit = await auditActions(user.id);
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: 'auth.two-factor.recovery-code-used', details: { left: 9 } },
        { action: 'auth.login', details: { twoFactor: 'recovery-code' } },
      ]),
    );
  });

  it('should throttle the code step like the password: 5 wrong codes lock the account', async () => {
    const user = await createUser(running, { role: Role.Pimpinan });
    const { secret } = await enrol(await login(running, user.username, user.password));
    const challenge = await passwordStep(user);
    const right = await codeAt(secret, 1);
    const wrongCode = right === '999999' ? '888888' : '999999';
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await api().post('/api/auth/login/two-factor').send({ challengeToken: challenge, code: wrongCode }).expect(401);
    }
    const locked = await api()
      .post('/api/auth/login/two-factor')
      .send({ challengeToken: challenge, code: right })
      .expect(429);
    expect(locked.body.message).toMatch(/Terlalu banyak percobaan masuk/);
    // The password step is locked too.
    await api().post('/api/auth/login').send({ username: user.username, password: user.password }).expect(429);
    expect((await auditActions(user.id)).map((entry) => entry.action)).toContain('auth.lockout');
  });

  it('should not let a right password reset the count of wrong codes', async () => {
    const user = await createUser(running, { role: Role.Pimpinan });
    await enrol(await login(running, user.username, user.password));
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await api()
        .post('/api/auth/login/two-factor')
        .send({ challengeToken: await passwordStep(user), code: 'aaaaa-aaaaa' })
        .expect(401);
    }
    await api().post('/api/auth/login').send({ username: user.username, password: user.password }).expect(429);
  });

  it('should turn 2FA off only with a current code or the password', async () => {
    const user = await createUser(running, { role: Role.Pimpinan });
    const token = await login(running, user.username, user.password);
    const { secret } = await enrol(token);
    const none = await api().post('/api/account/two-factor/disable').set(bearer(token)).send({}).expect(400);
    expect(none.body.message).toEqual(['code: Isi kode verifikasi (atau kode pemulihan) atau kata sandi saat ini']);
    const badPassword = await api()
      .post('/api/account/two-factor/disable')
      .set(bearer(token))
      .send({ password: 'bukan-sandinya-sama-sekali' })
      .expect(400);
    expect(badPassword.body.message).toEqual(['password: Kata sandi saat ini salah']);
    await api()
      .post('/api/account/two-factor/disable')
      .set(bearer(token))
      .send({ code: await codeAt(secret, 1) })
      .expect(204);
    const oneStep = await api()
      .post('/api/auth/login')
      .send({ username: user.username, password: user.password })
      .expect(200);
    expect(oneStep.body.twoFactorRequired).toBe(false);
    const rows = await db.query(`SELECT 1 FROM user_recovery_codes WHERE user_id = $1`, [user.id]);
    expect(rows.rowCount).toBe(0);
    expect((await auditActions(user.id)).map((entry) => entry.action)).toContain('auth.two-factor.disable');
  });

  it('should lead an admin without 2FA to enrol before anything else when PANTAU_REQUIRE_2FA is set', async () => {
    const admin = await createUser(running, { role: Role.Admin });
    const first = await api()
      .post('/api/auth/login')
      .send({ username: admin.username, password: admin.password })
      .expect(200);
    expect(first.body).toMatchObject({ twoFactorRequired: false, mustEnrolTwoFactor: true });
    const token = first.body.accessToken as string;
    const refused = await api().get('/api/users').set(bearer(token)).expect(403);
    expect(refused.body.message).toBe('Anda harus mengaktifkan verifikasi dua langkah terlebih dahulu (menu Akun)');
    await api().get('/api/issues').set(bearer(token)).expect(403);
    const me = await api().get('/api/auth/me').set(bearer(token)).expect(200);
    expect(me.body).toMatchObject({ twoFactorEnabled: false, mustEnrolTwoFactor: true });
    expect((await api().get('/api/account/two-factor').set(bearer(token)).expect(200)).body.required).toBe(true);
    // An analyst is not obliged.
    const analyst = await createUser(running, { role: Role.Analyst });
    const analystLogin = await api()
      .post('/api/auth/login')
      .send({ username: analyst.username, password: analyst.password })
      .expect(200);
    expect(analystLogin.body.mustEnrolTwoFactor).toBe(false);

    await enrol(token);
    await api().get('/api/users').set(bearer(token)).expect(200);
  });

  it('should let an admin reset the 2FA of a user who lost the device', async () => {
    const admin = await createUser(running, { role: Role.Admin });
    const adminToken = (
      await api().post('/api/auth/login').send({ username: admin.username, password: admin.password }).expect(200)
    ).body.accessToken as string;
    await enrol(adminToken);
    const user = await createUser(running, { role: Role.Pimpinan });
    const userToken = await login(running, user.username, user.password);
    await enrol(userToken);
    const listed = await api().get('/api/users').set(bearer(adminToken)).expect(200);
    expect(listed.body.find((entry: { id: string }) => entry.id === user.id)).toMatchObject({ twoFactorEnabled: true });

    await api().post(`/api/users/${user.id}/reset-two-factor`).set(bearer(userToken)).expect(403);
    const reset = await api().post(`/api/users/${user.id}/reset-two-factor`).set(bearer(adminToken)).expect(200);
    expect(reset.body).toEqual({ twoFactorEnabled: false, wasEnabled: true });
    // The user's sessions end; the password alone signs in again.
    await api().get('/api/auth/me').set(bearer(userToken)).expect(401);
    const again = await api()
      .post('/api/auth/login')
      .send({ username: user.username, password: user.password })
      .expect(200);
    expect(again.body.twoFactorRequired).toBe(false);
    expect(await auditActions(user.id)).toEqual(
      expect.arrayContaining([
        { action: 'user.reset-two-factor', details: { username: user.username, wasEnabled: true } },
      ]),
    );
    await api().post('/api/users/not-a-uuid/reset-two-factor').set(bearer(adminToken)).expect(400);
  });

  it('should refuse a malformed code step with 400 naming the field', async () => {
    const response = await api().post('/api/auth/login/two-factor').send({ code: 5 }).expect(400);
    expect(response.body.message).toEqual(
      expect.arrayContaining([expect.stringMatching(/^challengeToken: /), 'code: wajib berupa teks']),
    );
  });
});
