import { BadRequestException, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import { DomainError } from '@brigade/domain';
import { ConcurrencyError } from '@brigade/event-store';
import { ProblemException } from './problem.exception';
import { errorCodes } from 'fastify';
import { RequestBodyError, toRequestBodyError } from './request-body.error';
import { toProblem } from './to-problem';

const context = { instance: '/restaurants/42', correlationId: 'c-1' };

describe('toProblem', () => {
  it.each([
    ['validation', 400],
    ['not-found', 404],
    ['conflict', 409],
    ['rule', 422],
  ] as const)('maps a %s DomainError to %i with its code and message', (kind, status) => {
    const { problem, unexpected } = toProblem(new DomainError('RESTAURANTS.RESTAURANT.X', kind, 'Restaurant is closed'), context);
    expect(unexpected).toBe(false);
    expect(problem).toEqual({
      type: 'urn:brigade:problem:restaurants.restaurant.x',
      title: expect.any(String),
      status,
      detail: 'Restaurant is closed',
      code: 'RESTAURANTS.RESTAURANT.X',
      instance: '/restaurants/42',
      correlationId: 'c-1',
    });
  });

  it('keeps a DomainError’s details', () => {
    const error = new DomainError('ORDERS.MENU_ITEM.UNKNOWN', 'not-found', 'Unknown menu item', { menuItemId: 'm-1' });
    expect(toProblem(error).problem).toMatchObject({ status: 404, details: { menuItemId: 'm-1' } });
  });

  it('recognises a domain error by its shape, not its class', () => {
    const foreign = Object.assign(new Error('Not cancellable'), { code: 'ORDERS.ORDER.NOT_CANCELLABLE', kind: 'conflict' });
    expect(toProblem(foreign).problem).toMatchObject({ status: 409, code: 'ORDERS.ORDER.NOT_CANCELLABLE' });
  });

  it('maps ConcurrencyError to 409 EVENT_STORE.CONCURRENCY without stream internals', () => {
    const { problem } = toProblem(new ConcurrencyError('restaurant-secret-id', 3, 4), context);
    expect(problem).toMatchObject({ status: 409, code: 'EVENT_STORE.CONCURRENCY' });
    expect(problem.detail).not.toContain('restaurant-secret-id');
  });

  it('keeps the status of Nest HttpExceptions with an HTTP.* code', () => {
    expect(toProblem(new NotFoundException('Cannot GET /nope')).problem).toMatchObject({ status: 404, code: 'HTTP.NOT_FOUND', title: 'Not Found', detail: 'Cannot GET /nope' });
    expect(toProblem(new BadRequestException(['a must be set', 'b must be set'])).problem).toMatchObject({ status: 400, code: 'HTTP.BAD_REQUEST', detail: 'a must be set; b must be set' });
  });

  it('treats a 5xx HttpException as unexpected', () => {
    expect(toProblem(new ServiceUnavailableException()).unexpected).toBe(true);
  });

  it('renders a ProblemException as given, field errors included', () => {
    const { problem } = toProblem(ProblemException.validation([{ field: 'menu.0.priceCents', message: 'must be an integer' }]), context);
    expect(problem).toMatchObject({ status: 400, code: 'REQUEST.VALIDATION', errors: [{ field: 'menu.0.priceCents', message: 'must be an integer' }] });
    expect(problem.detail).toContain('menu.0.priceCents');
  });

  it('never lets an extension override the status or code', () => {
    const { problem } = toProblem(new ProblemException({ status: 503, code: 'HEALTH.UNAVAILABLE', detail: 'down', extensions: { status: 'error', code: 'X' } }));
    expect(problem).toMatchObject({ status: 503, code: 'HEALTH.UNAVAILABLE' });
  });

  it("maps Fastify's body failures to REQUEST.* codes", () => {
    const limit = 100 * 1024;
    const malformed = new errorCodes.FST_ERR_CTP_INVALID_JSON_BODY();
    expect(toProblem(toRequestBodyError(malformed, limit)).problem).toMatchObject({ status: 400, code: 'REQUEST.MALFORMED_JSON' });
    expect(toProblem(toRequestBodyError(new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE(), limit)).problem).toMatchObject({
      status: 413,
      code: 'REQUEST.BODY_TOO_LARGE',
      detail: 'The request body is larger than 100 kB.',
    });
    expect(toProblem(toRequestBodyError(new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE(), limit)).problem).toMatchObject({ status: 415, code: 'REQUEST.UNSUPPORTED_BODY' });
    expect(toProblem(toRequestBodyError(new errorCodes.FST_ERR_CTP_INVALID_CONTENT_LENGTH(), limit)).problem).toMatchObject({ status: 400, code: 'REQUEST.MALFORMED_JSON' });
    const other = new Error('boom');
    expect(toRequestBodyError(other, limit)).toBe(other);
    const notABodyFailure = new errorCodes.FST_ERR_NOT_FOUND();
    expect(toRequestBodyError(notABodyFailure, limit)).toBe(notABodyFailure);
    expect(toRequestBodyError(malformed, limit)).toBeInstanceOf(RequestBodyError);
  });

  it('maps anything else to 500 INTERNAL without leaking its message', () => {
    const { problem, unexpected } = toProblem(new TypeError('Cannot read properties of undefined (reading "password")'), context);
    expect(unexpected).toBe(true);
    expect(problem).toMatchObject({ status: 500, code: 'INTERNAL', title: 'Internal Server Error' });
    expect(JSON.stringify(problem)).not.toMatch(/password|TypeError|Cannot read/);
    expect(problem.detail).toContain('c-1');
  });

  it('maps thrown non-errors to 500 too', () => {
    expect(toProblem('a string').problem.status).toBe(500);
    expect(toProblem(undefined).problem.status).toBe(500);
  });
});
