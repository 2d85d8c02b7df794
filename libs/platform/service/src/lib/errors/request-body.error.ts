import { ProblemCodes } from './problem';

/**
 * The request body could not be read (not JSON, too large, unsupported encoding). Raised by the
 * body parser's error handler so the problem filter can tell it from other 400s.
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

interface BodyParserFailure {
  readonly type?: unknown;
  readonly status?: unknown;
  readonly limit?: unknown;
}

/** Maps body-parser's failures (identified by their `type`) to RequestBodyError; other errors pass. */
export function toRequestBodyError(error: unknown): unknown {
  if (typeof error !== 'object' || error === null) return error;
  const { type, status, limit } = error as BodyParserFailure;
  switch (type) {
    case 'entity.parse.failed':
      return new RequestBodyError(400, ProblemCodes.malformedJson, 'The request body is not valid JSON.');
    case 'entity.too.large':
      return new RequestBodyError(413, ProblemCodes.bodyTooLarge, `The request body is larger than ${formatLimit(limit)}.`);
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new RequestBodyError(415, ProblemCodes.unsupportedBody, 'The request body uses an unsupported encoding.');
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
      return new RequestBodyError(400, ProblemCodes.malformedJson, 'The request body could not be read.');
    default:
      return typeof type === 'string' && typeof status === 'number' && status >= 400 && status < 500
        ? new RequestBodyError(400, ProblemCodes.malformedJson, 'The request body could not be read.')
        : error;
  }
}

function formatLimit(limit: unknown): string {
  return typeof limit === 'number' ? `${Math.round(limit / 1024)} kB` : 'the allowed size';
}
