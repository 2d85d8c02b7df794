import { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { ACCESS_POLICY } from './access.decorator';
import { AccessPolicy, param } from './access-policy';
import { AccessGuard } from './access.guard';
import { ForbiddenError, InvalidTokenError, KeysUnavailableError, NoPolicyError, UnauthenticatedError } from './auth-errors';
import { actorOf } from './request-actor';
import type { AuthenticatedActor } from './roles';
import type { TokenVerifier } from './token-verifier';

const consumer: AuthenticatedActor = { id: 'u-1', role: 'consumer', consumerId: 'c-1' };

function contextOf(policy: AccessPolicy | undefined, request: { authorization?: string; params?: Record<string, string> }, type = 'http') {
  const handler = () => undefined;
  if (policy) Reflect.defineMetadata(ACCESS_POLICY, policy, handler);
  const raw = new IncomingMessage(new Socket());
  const headers: Record<string, string> = {};
  const fastifyRequest = { raw, headers: request.authorization ? { authorization: request.authorization } : {}, params: request.params ?? {}, body: undefined, method: 'GET', routeOptions: { url: '/x' } };
  const reply = { header: (name: string, value: string) => (headers[name] = value) };
  const context = {
    getType: () => type,
    getHandler: () => handler,
    getClass: () => class {},
    switchToHttp: () => ({ getRequest: () => fastifyRequest, getResponse: () => reply }),
  } as unknown as ExecutionContext;
  return { context, raw, headers };
}

function guardWith(verify: (token: string) => Promise<AuthenticatedActor>) {
  return new AccessGuard(new Reflector(), { verify } as unknown as TokenVerifier);
}

const own: AccessPolicy = { kind: 'users', grants: { consumer: param('consumerId') } };

describe('AccessGuard', () => {
  const goodToken = 'aaa.bbb.ccc';
  const verifyGood = async (token: string) => {
    if (token !== goodToken) throw new InvalidTokenError('nope');
    return consumer;
  };

  it('lets a verified owner in and leaves its actor on the request', async () => {
    const { context, raw } = contextOf(own, { authorization: `Bearer ${goodToken}`, params: { consumerId: 'c-1' } });
    await expect(guardWith(verifyGood).canActivate(context)).resolves.toBe(true);
    expect(actorOf(raw)).toEqual(consumer);
  });

  it('refuses someone else’s resource with 403', async () => {
    const { context, raw } = contextOf(own, { authorization: `Bearer ${goodToken}`, params: { consumerId: 'c-2' } });
    await expect(guardWith(verifyGood).canActivate(context)).rejects.toBeInstanceOf(ForbiddenError);
    expect(actorOf(raw).role).toBe('anonymous');
  });

  it.each([undefined, 'Basic dXNlcjpwYXNz', 'Bearer', 'Bearer not-a-jwt'])('answers 401 with WWW-Authenticate: Bearer for authorization %p', async (authorization) => {
    const { context, headers } = contextOf(own, { authorization, params: { consumerId: 'c-1' } });
    await expect(guardWith(verifyGood).canActivate(context)).rejects.toBeInstanceOf(UnauthenticatedError);
    expect(headers['WWW-Authenticate']).toBe('Bearer');
  });

  it('answers 401 invalid_token for a token that does not verify', async () => {
    const { context, headers } = contextOf(own, { authorization: 'Bearer xxx.yyy.zzz', params: { consumerId: 'c-1' } });
    await expect(guardWith(verifyGood).canActivate(context)).rejects.toBeInstanceOf(UnauthenticatedError);
    expect(headers['WWW-Authenticate']).toBe('Bearer error="invalid_token"');
  });

  it('passes keys-unavailable on (503), rather than calling the token bad', async () => {
    const { context } = contextOf(own, { authorization: `Bearer ${goodToken}`, params: { consumerId: 'c-1' } });
    await expect(guardWith(async () => Promise.reject(new KeysUnavailableError())).canActivate(context)).rejects.toBeInstanceOf(KeysUnavailableError);
  });

  it('opens public routes without looking at a token', async () => {
    const { context } = contextOf({ kind: 'public' }, { authorization: 'Bearer xxx.yyy.zzz' });
    await expect(guardWith(verifyGood).canActivate(context)).resolves.toBe(true);
  });

  it('refuses a route without a policy, even with a good token', async () => {
    const { context } = contextOf(undefined, { authorization: `Bearer ${goodToken}` });
    await expect(guardWith(verifyGood).canActivate(context)).rejects.toBeInstanceOf(NoPolicyError);
  });

  it('leaves message handlers (not HTTP) alone', async () => {
    const { context } = contextOf(undefined, {}, 'rpc');
    await expect(guardWith(verifyGood).canActivate(context)).resolves.toBe(true);
  });
});
