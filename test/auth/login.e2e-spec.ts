import { jest } from '@jest/globals';
import request from 'supertest';
import pg from 'pg';
import { Role } from '../../src/auth/roles.decorator.js';
import { createUser, login, loginAs } from '../support/auth.js';
import { startTestSystem, TestSystem } from '../support/test-system.js';

// Booting the whole application takes several seconds on a busy 2-core machine.
jest.setTimeout(60_000);

describe('login, sessions and passwords', () => {
  let running: TestSystem;
  let db: pg.Client;

  beforeAll(async () => {
    running = await startTestSystem();
    db = new pg.Client(running.database.url);
    await db.connect();
  });

  afterAll(async () => {
    await db.end();
    await running.stop();
  });

  const api = () => request(running.url);

  it('should log in with the right password and answer /me with the account', async () => {
    const user = await createUser(running, { role: Role.Analyst });
    const response = await api()
      .post('/api/auth/login')
      .send({ username: user.username, password: user.password })
      .expect(200);
    expect(response.body).toEqual({
      twoFactorRequired: false,
      accessToken: expect.any(String),
      mustChangePassword: false,
      mustEnrolTwoFactor: false,
    });
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/pantau_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const me = await api().get('/api/auth/me').set('Authorization', `Bearer ${response.body.accessToken}`).expect(200);
    expect(me.body).toMatchObject({ id: user.id, username: user.username, role: 'analyst', mustChangePassword: false });
  });

  it("should keep the dashboard language on the account and answer it in /me on the user's next sign-in", async () => {
    const user = await createUser(running, { role: Role.Pimpinan });
    const first = await login(running, user.username, user.password);
    const auth = { Authorization: `Bearer ${first}` };
    expect((await api().get('/api/auth/me').set(auth).expect(200)).body.language).toBeNull();
    const bad = await api().patch('/api/account/profile').set(auth).send({ language: 'fr' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toEqual(['language: harus id (bahasa Indonesia) atau en (bahasa Inggris)']);
    const saved = await api().patch('/api/account/profile').set(auth).send({ language: 'en' }).expect(200);
    expect(saved.body.language).toBe('en');
    // Another browser: a new session of the same account.
    const second = await login(running, user.username, user.password);
    expect((await api().get('/api/auth/me').set('Authorization', `Bearer ${second}`)).body.language).toBe('en');
    // A profile change that does not name the language keeps it.
    await api().patch('/api/account/profile').set(auth).send({ dailyReportOptIn: true }).expect(200);
    expect((await api().get('/api/account/profile').set(auth)).body.language).toBe('en');
    const audit = await db.query(
      `SELECT details FROM audit_log WHERE action = 'user.profile' AND target_id = $1 ORDER BY id`,
      [user.id],
    );
    expect(audit.rows.map((r) => r.details.fields)).toEqual([['language'], ['dailyReportOptIn']]);
  });

  it('should accept the username in any case', async () => {
    const user = await createUser(running, { role: Role.Pimpinan });
    await api()
      .post('/api/auth/login')
      .send({ username: user.username.toUpperCase(), password: user.password })
      .expect(200);
  });

  it('should refuse a wrong password and an unknown user with the same message', async () => {
    const user = await createUser(running, { role: Role.Analyst });
    const wrong = await api()
      .post('/api/auth/login')
      .send({ username: user.username, password: 'bukan-sandinya' })
      .expect(401);
    const unknown = await api()
      .post('/api/auth/login')
      .send({ username: 'tidak-ada-orangnya', password: 'bukan-sandinya' })
      .expect(401);
    expect(wrong.body.message).toBe('Nama pengguna atau kata sandi salah');
    expect(unknown.body.message).toBe(wrong.body.message);
  });

  it('should refuse a malformed login body with 400 naming the field', async () => {
    const response = await api().post('/api/auth/login').send({ username: 'a' }).expect(400);
    expect(JSON.stringify(response.body.message)).toContain('password');
  });

  it('should lock an account for 15 minutes after 5 failures, even for the right password, and unknown names alike', async () => {
    const user = await createUser(running, { role: Role.Analyst });
    for (let i = 0; i < 5; i++) {
      await api()
        .post('/api/auth/login')
        .set('X-Forwarded-For', '10.0.0.1')
        .send({ username: user.username, password: `salah-${i}-xxxxx` })
        .expect(401);
    }
    const locked = await api()
      .post('/api/auth/login')
      .send({ username: user.username, password: user.password })
      .expect(429);
    expect(locked.body.message).toMatch(/Terlalu banyak percobaan masuk/);
    for (let i = 0; i < 5; i++) {
      await api()
        .post('/api/auth/login')
        .send({ username: 'hantu-tak-dikenal', password: `salah-${i}-xxxxx` })
        .expect(401);
    }
    const ghost = await api()
      .post('/api/auth/login')
      .send({ username: 'hantu-tak-dikenal', password: 'apa-saja-xxxx' })
      .expect(429);
    expect(ghost.body.message).toBe(locked.body.message);
    // The lock lives in PostgreSQL: once it has passed, the right password works again.
    await db.query(`UPDATE login_locks SET locked_until = now() - interval '1 second'`);
    await db.query(`UPDATE login_attempts SET at = at - interval '16 minutes'`);
    await api().post('/api/auth/login').send({ username: user.username, password: user.password }).expect(200);
  });

  it('should limit an address to 20 failures per 15 minutes', async () => {
    await db.query(`DELETE FROM login_attempts`);
    for (let i = 0; i < 20; i++) {
      // 20 distinct names: no account lock is involved.
      await api()
        .post('/api/auth/login')
        .send({ username: `coba-${i}`, password: 'salah-sekali-xx' })
        .expect(401);
    }
    const user = await createUser(running, { role: Role.Analyst });
    const limited = await api()
      .post('/api/auth/login')
      .send({ username: user.username, password: user.password })
      .expect(429);
    expect(limited.body.message).toMatch(/dari alamat ini/);
    await db.query(`UPDATE login_attempts SET at = at - interval '16 minutes'`);
    await api().post('/api/auth/login').send({ username: user.username, password: user.password }).expect(200);
  });

  it('should refuse a session once it has expired', async () => {
    const user = await createUser(running, { role: Role.Analyst });
    const token = await login(running, user.username, user.password);
    await api().get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
    await db.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [user.id]);
    const response = await api().get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(401);
    expect(response.body.message).toMatch(/Sesi tidak berlaku/);
  });

  it('should set sessions to expire after PANTAU_SESSION_TTL_HOURS', async () => {
    const user = await createUser(running, { role: Role.Analyst });
    await login(running, user.username, user.password);
    const { rows } = await db.query(
      `SELECT extract(epoch FROM expires_at - created_at)::int AS seconds FROM sessions WHERE user_id = $1`,
      [user.id],
    );
    expect(rows[0].seconds).toBe(running.config.sessionTtlHours * 3600);
  });

  it('should refuse a forged or garbled token', async () => {
    await api().get('/api/auth/me').set('Authorization', 'Bearer not.a.token').expect(401);
    await api().get('/api/auth/me').expect(401);
  });

  it('should revoke the session at logout', async () => {
    const token = await loginAs(running, Role.Pimpinan);
    await api().post('/api/auth/logout').set('Authorization', `Bearer ${token}`).expect(204);
    await api().get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(401);
  });

  it('should accept the cookie, and require X-Requested-With for cookie-authenticated state changes', async () => {
    const user = await createUser(running, { role: Role.Analyst });
    const response = await api()
      .post('/api/auth/login')
      .send({ username: user.username, password: user.password })
      .expect(200);
    const cookie = String(response.headers['set-cookie']).split(';')[0];
    await api().get('/api/auth/me').set('Cookie', cookie).expect(200);
    const refused = await api().post('/api/auth/logout').set('Cookie', cookie).expect(403);
    expect(refused.body.message).toMatch(/X-Requested-With/);
    await api().post('/api/auth/logout').set('Cookie', cookie).set('X-Requested-With', 'XMLHttpRequest').expect(204);
    await api().get('/api/auth/me').set('Cookie', cookie).expect(401);
  });

  it('should change the own password: old one refused, other sessions revoked, this one kept', async () => {
    const user = await createUser(running, { role: Role.Analyst });
    const first = await login(running, user.username, user.password);
    const second = await login(running, user.username, user.password);
    const auth = { Authorization: `Bearer ${first}` };
    const wrong = await api()
      .post('/api/auth/password')
      .set(auth)
      .send({ currentPassword: 'bukan-ini-xx', newPassword: 'sandi-baru-yang-panjang' })
      .expect(400);
    expect(JSON.stringify(wrong.body.message)).toContain('Kata sandi saat ini salah');
    const short = await api()
      .post('/api/auth/password')
      .set(auth)
      .send({ currentPassword: user.password, newPassword: 'pendek' })
      .expect(400);
    expect(JSON.stringify(short.body.message)).toContain('minimal 10 karakter');
    const same = await api()
      .post('/api/auth/password')
      .set(auth)
      .send({ currentPassword: user.password, newPassword: user.username.toUpperCase() })
      .expect(400);
    expect(JSON.stringify(same.body.message)).toContain('sama dengan nama pengguna');
    await api()
      .post('/api/auth/password')
      .set(auth)
      .send({ currentPassword: user.password, newPassword: 'sandi-baru-yang-panjang' })
      .expect(204);
    await api().get('/api/auth/me').set(auth).expect(200);
    await api().get('/api/auth/me').set('Authorization', `Bearer ${second}`).expect(401);
    await api().post('/api/auth/login').send({ username: user.username, password: user.password }).expect(401);
    await login(running, user.username, 'sandi-baru-yang-panjang');
  });
});
