import { Controller, Delete, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DeadLetterPage, DeadLetters, ReplayResult } from './dead-letters';

/** The part of the HTTP reply (Fastify's) this controller touches. */
interface HttpResponse {
  status(code: number): unknown;
  header(name: string, value: string): unknown;
}

interface Problem {
  readonly type: 'about:blank';
  readonly title: string;
  readonly status: number;
  readonly code: string;
  readonly detail: string;
}

/** Admin surface of the app's dead-letter queue (a role guard is added with authentication). */
@ApiTags('admin')
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

  @Post(':seq/replay')
  @HttpCode(200)
  @ApiOperation({ summary: 'Runs a parked message through its handler again; removed when it no longer fails' })
  async replay(@Param('seq') seq: string, @Res({ passthrough: true }) res: HttpResponse): Promise<ReplayResult | Problem> {
    const result = await this.deadLetters.replay(toInteger(seq) ?? 0);
    if (!result) return notFound(res, seq);
    if (result.outcome === 'failed') {
      return problem(res, 422, 'MESSAGING.DEAD_LETTER.REPLAY_FAILED', `Message ${seq} failed again and stays parked: ${result.error}`);
    }
    return result;
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

function problem(res: HttpResponse, status: number, code: string, detail: string): Problem {
  res.status(status);
  res.header('Content-Type', 'application/problem+json');
  const titles: Record<number, string> = { 400: 'Bad Request', 404: 'Not Found', 422: 'Unprocessable Entity' };
  return { type: 'about:blank', title: titles[status] ?? 'Error', status, code, detail };
}
