import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { Role } from '../../src/auth/roles.decorator.js';
import { UsersService } from '../../src/auth/users.service.js';
import type { TestSystem } from './test-system.js';

export interface TestUser {
  id: string;
  username: string;
  password: string;
}

/**
 * Creates an active user directly through the application's UsersService (no admin session
 * needed), with a known password and no pending password change.
 */
export async function createUser(
  testSystem: TestSystem,
  options: { role: Role | `${Role}`; password?: string; username?: string },
): Promise<TestUser> {
  const username = options.username ?? `${options.role}-${randomBytes(4).toString('hex')}`;
  const password = options.password ?? `pw-${randomBytes(12).toString('hex')}`;
  const { user } = await testSystem.system.app.get(UsersService).create({
    username,
    displayName: `Pengguna uji ${username}`,
    role: options.role as Role,
    password,
    mustChangePassword: false,
  });
  return { id: user.id, username, password };
}

/** Logs in through POST /api/auth/login; returns the access token. */
export async function login(testSystem: TestSystem, username: string, password: string): Promise<string> {
  const response = await request(testSystem.url).post('/api/auth/login').send({ username, password });
  if (response.status !== 200) {
    throw new Error(`login as ${username} failed: ${response.status} ${JSON.stringify(response.body)}`);
  }
  return response.body.accessToken as string;
}

/** A fresh user of the role, logged in: returns a Bearer access token. */
export async function loginAs(testSystem: TestSystem, role: Role | `${Role}`): Promise<string> {
  const user = await createUser(testSystem, { role });
  return login(testSystem, user.username, user.password);
}
