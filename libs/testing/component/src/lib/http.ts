export interface HttpAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly headers: globalThis.Headers;
  readonly body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- whatever JSON the service answered
}

/** One request; `body` may be a string to send it verbatim (e.g. malformed JSON). */
export async function call(
  app: { readonly baseUrl: string },
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<HttpAnswer> {
  const response = await fetch(`${app.baseUrl}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    headers: response.headers,
    body: text ? JSON.parse(text) : undefined,
  };
}
