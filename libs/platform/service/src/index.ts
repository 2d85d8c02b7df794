// The edge every Brigade Nest app shares: environment validated at start-up (fail fast, every bad
// variable named), one problem+json error shape with stable codes, bad input stopped before the
// domain, a verified bearer token and a declared access policy on every route, correlation ids and
// the verified actor in every command's metadata, JSON logs, /health and /docs.
export * from './lib/config/base-config.schema';
export * from './lib/config/config-validation.error';
export * from './lib/config/env-fields';
export * from './lib/config/load-config';
export * from './lib/config/service-config.token';
export * from './lib/errors/problem';
export * from './lib/errors/problem.exception';
export * from './lib/errors/to-problem';
export * from './lib/errors/problem-exception.filter';
export * from './lib/validation/create-validation-pipe';
export * from './lib/validation/uuid-param.pipe';
export * from './lib/validation/is-cents.decorator';
export * from './lib/validation/nested.decorators';
export * from './lib/paging/opaque-cursor';
export * from './lib/request/correlation-id';
export * from './lib/request/command-metadata.decorator';
export * from './lib/database/context-database.module';
export * from './lib/health/health-indicators';
export * from './lib/app/service.module';
export * from './lib/app/configure-service-app';
export * from './lib/app/create-service-app';
export * from './lib/app/bootstrap-service';
export * from './lib/openapi/api-command-controller.decorator';
