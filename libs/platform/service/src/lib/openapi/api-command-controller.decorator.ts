import { applyDecorators } from '@nestjs/common';
import { ApiBadRequestResponse, ApiHeader } from '@nestjs/swagger';

/** How every error response is described in OpenAPI. */
export const PROBLEM_DESCRIPTION = 'application/problem+json, with a stable `code`';

/**
 * What every Brigade controller documents the same way: the correlation id a request may carry
 * into its events' metadata, and the 400 problem response naming the offending fields.
 */
export function ApiCommandController(): ClassDecorator {
  return applyDecorators(
    ApiHeader({ name: 'X-Correlation-Id', required: false, description: 'Carried into the metadata of every event the request causes.' }),
    ApiBadRequestResponse({ description: `Invalid input (${PROBLEM_DESCRIPTION} and the offending fields)` }),
  );
}
