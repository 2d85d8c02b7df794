export interface InvalidVariable {
  /** Environment variable name. */
  readonly variable: string;
  /** Why it was refused; never its value, which may be a secret. */
  readonly message: string;
}

/** The environment does not satisfy the app's config schema; the app must not start. */
export class ConfigValidationError extends Error {
  readonly code = 'CONFIG.INVALID';

  constructor(readonly invalid: readonly InvalidVariable[]) {
    super(
      [
        `Invalid environment configuration (${invalid.length} variable${invalid.length === 1 ? '' : 's'}):`,
        ...invalid.map(({ variable, message }) => `  - ${variable}: ${message}`),
      ].join('\n'),
    );
    this.name = 'ConfigValidationError';
  }
}
