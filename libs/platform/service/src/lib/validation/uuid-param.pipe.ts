import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { ProblemException } from '../errors/problem.exception';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/**
 * `@Param('id', UuidParamPipe) id: string` — a malformed id is a 400 naming the parameter,
 * never a lookup (nor a database error on a uuid column). Returns the id lower-cased.
 */
@Injectable()
export class UuidParamPipe implements PipeTransform<unknown, string> {
  transform(value: unknown, metadata: ArgumentMetadata): string {
    if (isUuid(value)) return value.toLowerCase();
    const field = metadata.data ?? 'id';
    throw ProblemException.validation([{ field, message: 'must be a UUID' }], `${describe(metadata.type)} ${field} must be a UUID.`);
  }
}

function describe(type: ArgumentMetadata['type']): string {
  return type === 'query' ? 'Query parameter' : type === 'param' ? 'Path parameter' : 'Field';
}
