import { jest } from '@jest/globals';
import request from 'supertest';
import { Role } from '../../src/auth/roles.decorator.js';
import { createUser, login, loginAs } from '../support/auth.js';
import { startTestSystem, TestSystem } from '../support/test-system.js';

// Booting the whole application takes several seconds on a busy 2-core machine.
jest.setTimeout(60_000);

describe('user administration, the password-change gate and the audit log', () => {
  let running: TestSystem;
  let admin: string;
  let adminId: string;

  beforeAll(async () => {
    running = await startTestSystem();
    const user = await createUser(running, { role: Role.Admin });
    adminId = user.id;
    admin = await login(running, user.username, user.password);
  });

  afterAll(async () => {
    await running.stop();
  });

  const api = () => request(running.url);
  const asAdmin = () => ({ Authorization: `Bearer ${admin}` });

  it('should create a user with a temporary password shown once, and gate them until they change it', async () => {
    const created = await api()
      .post('/api/users')
      .set(asAdmin())
      .send({ username: 'siti.analis', displayName: 'Siti Rahayu', role: 'analyst' })
      .expect(201);
    expect(created.body.user).toMatchObject({
      username: 'siti.analis',
      role: 'analyst',
      active: true,
      mustChangePassword: true,
    });
    expect(created.body.user.passwordHash).toBeUndefined();
    const temporary = created.body.temporaryPassword as string;
    expect(temporary).toHaveLength(20);

    const loginResponse = await api()
      .post('/api/auth/login')
      .send({ username: 'siti.analis', password: temporary })
      .expect(200);
    expect(loginResponse.body.mustChangePassword).toBe(true);
    const auth = { Authorization: `Bearer ${loginResponse.body.accessToken}` };
    const gated = await api().get('/api/posts').set(auth).expect(403);
    expect(gated.body.message).toBe('Anda harus mengganti kata sandi terlebih dahulu');
    await api().get('/api/auth/me').set(auth).expect(200);
    await api()
      .post('/api/auth/password')
      .set(auth)
      .send({ currentPassword: temporary, newPassword: 'sandi-pilihan-siti' })
      .expect(204);
    await api().get('/api/posts').set(auth).expect(200);
    const me = await api().get('/api/auth/me').set(auth).expect(200);
    expect(me.body.mustChangePassword).toBe(false);

    const list = await api().get('/api/users').set(asAdmin()).expect(200);
    expect(list.body.map((user: { username: string }) => user.username)).toContain('siti.analis');
  });

  it('should refuse a duplicate username (any case) and a bad role', async () => {
    await api()
      .post('/api/users')
      .set(asAdmin())
      .send({ username: 'dobel', displayName: 'A', role: 'analyst' })
      .expect(201);
    const duplicate = await api()
      .post('/api/users')
      .set(asAdmin())
      .send({ username: 'DOBEL', displayName: 'B', role: 'analyst' })
      .expect(409);
    expect(duplicate.body.message).toBe('Nama pengguna sudah dipakai');
    const badRole = await api()
      .post('/api/users')
      .set(asAdmin())
      .send({ username: 'peran', displayName: 'C', role: 'root' })
      .expect(400);
    expect(JSON.stringify(badRole.body.message)).toContain('role');
  });

  it('should revoke the sessions of a deactivated user at once and refuse their login', async () => {
    const user = await createUser(running, { role: Role.Pimpinan });
    const token = await login(running, user.username, user.password);
    await api().get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
    const patched = await api().patch(`/api/users/${user.id}`).set(asAdmin()).send({ active: false }).expect(200);
    expect(patched.body.active).toBe(false);
    await api().get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(401);
    const refused = await api()
      .post('/api/auth/login')
      .send({ username: user.username, password: user.password })
      .expect(401);
    expect(refused.body.message).toBe('Nama pengguna atau kata sandi salah');
  });

  it('should apply a role change on the next request', async () => {
    const user = await createUser(running, { role: Role.Analyst });
    const token = await login(running, user.username, user.password);
    await api().get('/api/users').set('Authorization', `Bearer ${token}`).expect(403);
    await api().patch(`/api/users/${user.id}`).set(asAdmin()).send({ role: 'admin' }).expect(200);
    await api().get('/api/users').set('Authorization', `Bearer ${token}`).expect(200);
  });

  it('should not let an admin deactivate or demote themself', async () => {
    const deactivate = await api().patch(`/api/users/${adminId}`).set(asAdmin()).send({ active: false }).expect(403);
    expect(deactivate.body.message).toMatch(/akun Anda sendiri/);
    await api().patch(`/api/users/${adminId}`).set(asAdmin()).send({ role: 'analyst' }).expect(403);
    await api().patch(`/api/users/${adminId}`).set(asAdmin()).send({ displayName: 'Admin Utama' }).expect(200);
  });

  it('should reset a password: temporary password once, old sessions revoked, change required', async () => {
    const user = await createUser(running, { role: Role.Analyst });
    const token = await login(running, user.username, user.password);
    const reset = await api().post(`/api/users/${user.id}/reset-password`).set(asAdmin()).expect(200);
    expect(reset.body).toEqual({ temporaryPassword: expect.any(String), mustChangePassword: true });
    await api().get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(401);
    await api().post('/api/auth/login').send({ username: user.username, password: user.password }).expect(401);
    const again = await api()
      .post('/api/auth/login')
      .send({ username: user.username, password: reset.body.temporaryPassword })
      .expect(200);
    expect(again.body.mustChangePassword).toBe(true);
  });

  it('should answer 404 for an unknown user id, 400 for a malformed one and for unknown fields', async () => {
    await api()
      .patch('/api/users/7d1e2f3a-0000-4000-8000-000000000000')
      .set(asAdmin())
      .send({ active: true })
      .expect(404);
    await api().post('/api/users/bukan-uuid/reset-password').set(asAdmin()).expect(400);
    const unknown = await api().patch(`/api/users/${adminId}`).set(asAdmin()).send({ passwordHash: 'x' }).expect(400);
    expect(JSON.stringify(unknown.body.message)).toContain('passwordHash');
  });

  it('should keep user administration for admins only', async () => {
    const analyst = await loginAs(running, Role.Analyst);
    await api().get('/api/users').set('Authorization', `Bearer ${analyst}`).expect(403);
    await api()
      .post('/api/users')
      .set('Authorization', `Bearer ${analyst}`)
      .send({ username: 'x', displayName: 'x', role: 'admin' })
      .expect(403);
    await api().get('/api/audit').set('Authorization', `Bearer ${analyst}`).expect(403);
  });

  it('should record admin actions in the audit log, newest first, with a cursor', async () => {
    const first = await api().get('/api/audit?limit=2').set(asAdmin()).expect(200);
    expect(first.body.items).toHaveLength(2);
    // Logins are audited too (auth.*): the newest admin action is the reset of the test before.
    const all = await api().get('/api/audit?limit=200').set(asAdmin()).expect(200);
    const newestAdminAction = (all.body.items as { action: string }[]).find((item) => !item.action.startsWith('auth.'));
    expect(newestAdminAction).toMatchObject({ action: 'user.reset-password', actorId: adminId, targetType: 'user' });
    expect(JSON.stringify(first.body)).not.toMatch(/temporaryPassword|password_hash/);
    const next = await api().get(`/api/audit?limit=200&cursor=${first.body.nextCursor}`).set(asAdmin()).expect(200);
    const actions = next.body.items.map((item: { action: string }) => item.action);
    expect(actions).toEqual(expect.arrayContaining(['user.create', 'user.deactivate', 'user.update']));
    expect(Number(next.body.items[0].id)).toBeLessThan(Number(first.body.items[1].id));
    await api().get('/api/audit?limit=0').set(asAdmin()).expect(400);
  });
});
