import { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Request, Response } from 'express';
import { requestAddress } from './request-address.js';

interface RequestContext {
  address: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/**
 * Express middleware (first in the chain): the client address of the request under way, so that
 * the audit log records it for every action, whichever module records the entry.
 */
export function requestContext(request: Request, _response: Response, next: NextFunction): void {
  storage.run({ address: requestAddress(request) }, next);
}

/** The address of the HTTP request being handled, or undefined outside one (workers, CLI). */
export function currentRequestAddress(): string | undefined {
  return storage.getStore()?.address;
}
