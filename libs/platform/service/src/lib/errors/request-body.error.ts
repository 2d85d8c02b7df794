import { ProblemCodes } from './problem';

/**
 * The request body could not be read (not JSON, too large, unsupported media type). Made from
 * the HTTP server's body failures so the problem filter can tell them from other 400s.
 */
export class RequestBodyError extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RequestBodyError';
  }
}

/** Maps Fastify's body failures (identified by their `code`) to RequestBodyError; other errors pass. */
export function toRequestBodyError(error: unknown, limitBytes: number): unknown {
  if (typeof error !== 'object' || error === null) return error;
  const { code, statusCode } = error as { code?: unknown; statusCode?: unknown };
  switch (code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new RequestBodyError(400, ProblemCodes.malformedJson, 'The request body is not valid JSON.');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new RequestBodyError(413, ProblemCodes.bodyTooLarge, `The request body is larger than ${Math.round(limitBytes / 1024)} kB.`);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new RequestBodyError(415, ProblemCodes.unsupportedBody, 'The request body must be application/json.');
    default:
      return typeof code === 'string' && code.startsWith('FST_ERR_CTP_') && typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500
        ? new RequestBodyError(400, ProblemCodes.malformedJson, 'The request body could not be read.')
        : error;
  }
}
