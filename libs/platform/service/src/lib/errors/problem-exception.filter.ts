import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
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
    const request = http.getRequest<IncomingMessage & { originalUrl?: string }>();
    const response = http.getResponse<ServerResponse>();
    const correlationId = correlationIdOf(request);
    const { problem, unexpected } = toProblem(exception, { instance: pathOf(request), correlationId });
    if (unexpected) {
      this.logger.error({ err: exception, correlationId, code: problem.code, status: problem.status }, 'Request failed unexpectedly');
    }
    if (response.headersSent) {
      response.destroy();
      return undefined;
    }
    const body = JSON.stringify(problem);
    response.statusCode = problem.status;
    response.setHeader('Content-Type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`);
    response.setHeader('Content-Length', Buffer.byteLength(body));
    response.end(body);
    return undefined;
  }
}

/** The path without the query string, which may carry search terms that do not belong in errors. */
function pathOf(request: IncomingMessage & { originalUrl?: string }): string | undefined {
  const url = request.originalUrl ?? request.url;
  return url?.split('?')[0];
}
