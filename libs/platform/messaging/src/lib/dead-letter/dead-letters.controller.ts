import { Access } from '@brigade/auth';
import { ensureCorrelationId } from '@brigade/service';
import { Controller, Delete, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DeadLetterPage, DeadLetters, ReplayResult } from './dead-letters';

/** The part of the HTTP reply (Fastify's) this controller touches. */
interface HttpResponse {
  status(code: number): unknown;
  header(name: string, value: string): unknown;
  readonly raw: ServerResponse;
}

/** The part of the HTTP request (Fastify's) this controller touches. */
interface HttpRequest {
  readonly raw: IncomingMessage;
}

interface Problem {
  readonly type: 'about:blank';
  readonly title: string;
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly correlationId?: string;
  /** The stable code of the handler's error, when it has one. */
  readonly errorCode?: string;
}

/** Admin surface of the app's dead-letter queue: admins only. */
@ApiTags('admin')
@Access.admin()
@Controller('admin/dead-letters')
export class DeadLettersController {
  constructor(private readonly deadLetters: DeadLetters) {}

  @Get()
  @ApiOperation({ summary: 'Parked messages, oldest first; page with ?after=<seq>&limit=<1..100>, filter with ?handler=' })
  async list(
    @Query('after') after: string | undefined,
    @Query('limit') limit: string | undefined,
    @Query('handler') handler: string | undefined,
    @Res({ passthrough: true }) res: HttpResponse,
  ): Promise<DeadLetterPage | Problem> {
    const afterSeq = after === undefined ? 0 : toInteger(after);
    const pageSize = limit === undefined ? 50 : toInteger(limit);
    if (afterSeq === null || afterSeq < 0) return problem(res, 400, 'MESSAGING.DEAD_LETTER.INVALID_QUERY', '"after" must be a non-negative integer');
    if (pageSize === null || pageSize < 1 || pageSize > 100) return problem(res, 400, 'MESSAGING.DEAD_LETTER.INVALID_QUERY', '"limit" must be an integer from 1 to 100');
    if (handler !== undefined && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(handler)) return problem(res, 400, 'MESSAGING.DEAD_LETTER.INVALID_QUERY', '"handler" must be a handler name');
    return this.deadLetters.list({ after: afterSeq, limit: pageSize, handler });
  }

  /**
   * A failure answers with its stable code at most: the error itself (which may carry SQL or
   * driver text) is logged under the request's correlation id, which the answer names.
   */
  @Post(':seq/replay')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Runs a parked message through its handler again; removed when it no longer fails. Only entries this app parked itself are run (422 MESSAGING.DEAD_LETTER.NOT_PARKED_HERE otherwise).',
  })
  async replay(@Param('seq') seq: string, @Req() req: HttpRequest, @Res({ passthrough: true }) res: HttpResponse): Promise<ReplayResult | Problem> {
    const correlationId = ensureCorrelationId(req.raw, res.raw);
    const result = await this.deadLetters.replay(toInteger(seq) ?? 0, { correlationId });
    if (!result) return notFound(res, seq);
    if (result.outcome === 'not-parked-here') {
      const detail = `Message ${seq} was not parked by this app (it has no record of it), so it is never run through a handler; discard it.`;
      return problem(res, 422, 'MESSAGING.DEAD_LETTER.NOT_PARKED_HERE', detail, { correlationId });
    }
    if (result.outcome === 'failed') {
      const detail = `Message ${seq} failed again and stays parked. The error is logged under correlation id ${correlationId}.`;
      return problem(res, 422, 'MESSAGING.DEAD_LETTER.REPLAY_FAILED', detail, { correlationId, ...(result.errorCode ? { errorCode: result.errorCode } : {}) });
    }
    return { seq: result.seq, outcome: result.outcome };
  }

  @Delete(':seq')
  @HttpCode(204)
  @ApiOperation({ summary: 'Discards a parked message for good' })
  async discard(@Param('seq') seq: string, @Res({ passthrough: true }) res: HttpResponse): Promise<Problem | undefined> {
    if (!(await this.deadLetters.discard(toInteger(seq) ?? 0))) return notFound(res, seq);
    return undefined;
  }
}

function toInteger(text: string): number | null {
  return /^\d{1,15}$/.test(text) ? Number(text) : null;
}

function notFound(res: HttpResponse, seq: string): Problem {
  return problem(res, 404, 'MESSAGING.DEAD_LETTER.NOT_FOUND', `No parked message ${seq}`);
}

function problem(
  res: HttpResponse,
  status: number,
  code: string,
  detail: string,
  extensions: Pick<Problem, 'correlationId' | 'errorCode'> = {},
): Problem {
  res.status(status);
  res.header('Content-Type', 'application/problem+json');
  const titles: Record<number, string> = { 400: 'Bad Request', 404: 'Not Found', 422: 'Unprocessable Entity' };
  return { type: 'about:blank', title: titles[status] ?? 'Error', status, code, detail, ...extensions };
}
