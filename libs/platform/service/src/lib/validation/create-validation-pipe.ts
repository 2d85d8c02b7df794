import { ArgumentMetadata, Injectable, ValidationPipe, ValidationPipeOptions } from '@nestjs/common';
import { ProblemException } from '../errors/problem.exception';
import { toFieldErrors } from './field-errors';

/**
 * Strict DTO validation: unknown fields are refused (and named), nested objects and arrays are
 * validated with full paths, payloads become DTO instances. No implicit type conversion: a
 * number sent as a string is a wrong type, not a number.
 */
export const STRICT_VALIDATION_OPTIONS: ValidationPipeOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  transform: true,
  transformOptions: { enableImplicitConversion: false },
  validationError: { target: false, value: false },
  exceptionFactory: (errors) => ProblemException.validation(toFieldErrors(errors)),
};

/** Refuses a body that is not a JSON object before class-validator sees it. */
@Injectable()
class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const expectsDto = metadata.type === 'body' && metadata.data === undefined && this.toValidate(metadata);
    if (expectsDto && (typeof value !== 'object' || value === null || Array.isArray(value))) {
      throw ProblemException.validation([{ field: 'body', message: 'must be a JSON object (Content-Type: application/json)' }]);
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(overrides: ValidationPipeOptions = {}): ValidationPipe {
  return new StrictValidationPipe({ ...STRICT_VALIDATION_OPTIONS, ...overrides });
}
