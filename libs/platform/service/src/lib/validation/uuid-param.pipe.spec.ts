import { ProblemException } from '../errors/problem.exception';
import { UuidParamPipe } from './uuid-param.pipe';

describe('UuidParamPipe', () => {
  const pipe = new UuidParamPipe();

  it('passes a UUID through, lower-cased', () => {
    expect(pipe.transform('3F2504E0-4F89-11D3-9A0C-0305E82C3301', { type: 'param', data: 'id' })).toBe('3f2504e0-4f89-11d3-9a0c-0305e82c3301');
  });

  it.each(['42', '', 'not-a-uuid', '3f2504e0-4f89-11d3-9a0c-0305e82c330', undefined])('refuses %p naming the parameter', (value) => {
    let thrown: unknown;
    try {
      pipe.transform(value, { type: 'param', data: 'restaurantId' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ProblemException);
    expect((thrown as ProblemException).problem).toMatchObject({
      status: 400,
      code: 'REQUEST.VALIDATION',
      detail: 'Path parameter restaurantId must be a UUID.',
      errors: [{ field: 'restaurantId', message: 'must be a UUID' }],
    });
  });
});
