import { ACCESS_EXTENSION } from './access.decorator';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

export interface RoutePolicy {
  readonly method: string;
  readonly path: string;
  /** As describePolicy wrote it, or undefined when the route declares none. */
  readonly access: string | undefined;
}

interface OpenApiDocument {
  readonly paths: Record<string, Partial<Record<(typeof METHODS)[number], Record<string, unknown>>>>;
}

/** Every operation of an app's OpenAPI document with the access policy it declares. */
export function routePoliciesOf(document: OpenApiDocument): RoutePolicy[] {
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    METHODS.filter((method) => operations[method]).map((method) => {
      const access = operations[method]?.[ACCESS_EXTENSION];
      return { method: method.toUpperCase(), path, access: typeof access === 'string' ? access : undefined };
    }),
  );
}

/** The operations no policy covers: the route-policy test fails on any. */
export function routesWithoutPolicy(document: OpenApiDocument): string[] {
  return routePoliciesOf(document)
    .filter((route) => route.access === undefined)
    .map((route) => `${route.method} ${route.path}`);
}
