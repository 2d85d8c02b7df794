import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { throwError } from 'rxjs';
import { correlationIdOf } from '../request/correlation-id';
import { PROBLEM_CONTENT_TYPE } from './problem';
import { toProblem } from './to-problem';

/**
 * Renders every error of an HTTP request as application/problem+json (see toProblem).
 * Unexpected errors are logged with their stack; the client only gets a code and a correlation id.
 */
@Catch()
export class ProblemExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost) {
    // Message handlers (hybrid apps) have their own error policy: leave their errors alone.
    if (host.getType() !== 'http') return throwError(() => exception);
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const correlationId = correlationIdOf(request.raw);
    const { problem, unexpected } = toProblem(exception, { instance: pathOf(request), correlationId });
    if (unexpected) {
      this.logger.error({ err: exception, correlationId, code: problem.code, status: problem.status }, 'Request failed unexpectedly');
    }
    if (reply.sent || reply.raw.headersSent) {
      reply.raw.destroy();
      return undefined;
    }
    void reply.status(problem.status).type(`${PROBLEM_CONTENT_TYPE}; charset=utf-8`).send(JSON.stringify(problem));
    return undefined;
  }
}

/** The path without the query string, which may carry search terms that do not belong in errors. */
function pathOf(request: FastifyRequest): string {
  return request.url.split('?')[0];
}
