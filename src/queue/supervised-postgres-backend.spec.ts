import { isDatabaseConnectionError } from './supervised-postgres-backend.js';

describe('isDatabaseConnectionError', () => {
  it.each([
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['a server shut down by its administrator', Object.assign(new Error('terminating connection'), { code: '57P01' })],
    [
      'a server in crash recovery',
      Object.assign(new Error('the database system is in recovery mode'), { code: '57P03' }),
    ],
    ['a connection exception', Object.assign(new Error('connection failure'), { code: '08006' })],
    ['a dropped socket', new Error('Connection terminated unexpectedly')],
    ['a client that lost its connection', new Error('Client has encountered a connection error and is not queryable')],
    ['an error of another realm', { message: 'Connection terminated unexpectedly' }],
  ])('should count %s as the server going away', (_, error) => {
    expect(isDatabaseConnectionError(error)).toBe(true);
  });

  it.each([
    ['a unique violation', Object.assign(new Error('duplicate key value'), { code: '23505' })],
    ['a numeric overflow', Object.assign(new Error('value out of range'), { code: '22003' })],
    ['a BullMQ finish error', Object.assign(new Error('Missing lock for job'), { code: 'BM001' })],
    ['not an error at all', 'ECONNREFUSED'],
  ])('should not count %s', (_, error) => {
    expect(isDatabaseConnectionError(error)).toBe(false);
  });
});
