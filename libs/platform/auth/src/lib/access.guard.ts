import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ACCESS_POLICY } from './access.decorator';
import { AccessPolicy, mayCall } from './access-policy';
import { ForbiddenError, InvalidTokenError, NoPolicyError, UnauthenticatedError } from './auth-errors';
import { setRequestActor } from './request-actor';
import { TokenVerifier } from './token-verifier';

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)$/;

/**
 * The global guard of every app's HTTP routes: reads the route's policy, verifies the bearer
 * token unless the route is public, checks role and ownership, and leaves the verified actor on
 * the request for the command metadata. Message handlers (JetStream) are not HTTP and pass.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const policy = this.reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [context.getHandler(), context.getClass()]);
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    if (!policy) {
      this.logger.error({ msg: 'Route without an access policy refused', method: request.method, url: request.routeOptions.url });
      throw new NoPolicyError('This route declares no access policy.');
    }
    if (policy.kind === 'public') return true;
    const actor = await this.verified(request, http.getResponse<FastifyReply>());
    if (!mayCall(policy, actor, { params: request.params as Record<string, unknown>, body: request.body })) throw new ForbiddenError('Your role does not cover this resource.');
    setRequestActor(request.raw, actor);
    return true;
  }

  private async verified(request: FastifyRequest, reply: FastifyReply) {
    const token = BEARER.exec(request.headers.authorization ?? '')?.[1];
    try {
      if (!token) throw new InvalidTokenError('A bearer access token is required (Authorization: Bearer <token>).');
      return await this.verifier.verify(token);
    } catch (error) {
      if (!(error instanceof InvalidTokenError)) throw error;
      void reply.header('WWW-Authenticate', token ? 'Bearer error="invalid_token"' : 'Bearer');
      throw new UnauthenticatedError(error.message);
    }
  }
}
