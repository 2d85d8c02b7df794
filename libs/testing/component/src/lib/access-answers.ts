import type { HttpAnswer } from './http';

/** 401 problem+json `AUTH.UNAUTHENTICATED`: no token, or one that does not verify. */
export function expectUnauthenticated(answer: HttpAnswer): void {
  expectProblem(answer, 401, 'AUTH.UNAUTHENTICATED');
}

/** 403 problem+json `AUTH.FORBIDDEN`: a verified user the route or the resource is not open to. */
export function expectForbidden(answer: HttpAnswer): void {
  expectProblem(answer, 403, 'AUTH.FORBIDDEN');
}

function expectProblem(answer: HttpAnswer, status: number, code: string): void {
  expect({ status: answer.status, contentType: answer.contentType.split(';')[0], code: answer.body?.code }).toEqual({
    status,
    contentType: 'application/problem+json',
    code,
  });
}
