import { Agent, IncomingHttpHeaders, request } from 'node:http';

export interface HttpAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly headers: globalThis.Headers;
  readonly body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- whatever JSON the service answered
}

/**
 * Kept-alive connections for every call. node:http rather than fetch: a request costs a third of
 * fetch's CPU, which matters where tests and benchmarks share two cores with the apps they drive.
 */
const agent = new Agent({ keepAlive: true });

/** An app to call: its URL and the headers every call sends (e.g. a bearer token). */
export interface CallTarget {
  readonly baseUrl: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** The same app called with other headers: `as(app, await issuer.bearer({ role: 'consumer', consumerId }))`; `as(app, {})` sends none. */
export function as(app: CallTarget, headers: Readonly<Record<string, string>>): CallTarget {
  return { baseUrl: app.baseUrl, headers };
}

/**
 * One request; `body` may be a string to send it verbatim (e.g. malformed JSON). The target's
 * headers go first; `headers` adds to or overrides them. A request that
 * gets no answer (the app is down, the connection dropped) rejects with the socket error as `cause`.
 * A GET that went out on a kept-alive connection the server was closing at that moment is sent
 * once more on a new one (the race node:http's docs describe under `request.reusedSocket`).
 */
export async function call(
  app: CallTarget,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<HttpAnswer> {
  try {
    return await send(app, method, path, body, headers);
  } catch (error) {
    if (method !== 'GET' || !(error instanceof StaleConnectionError)) throw error;
    return send(app, method, path, body, headers);
  }
}

class StaleConnectionError extends Error {}

function send(app: CallTarget, method: string, path: string, body: unknown, headers: Record<string, string>): Promise<HttpAnswer> {
  const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  const sent = payload === undefined ? {} : { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(payload)) };
  return new Promise((resolve, reject) => {
    const outgoing = request(`${app.baseUrl}${path}`, { method, agent, headers: { ...sent, ...app.headers, ...headers } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', (error) => reject(new Error(`${method} ${path}: the answer broke off`, { cause: error })));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        try {
          resolve({
            status: response.statusCode ?? 0,
            contentType: response.headers['content-type'] ?? '',
            headers: headersOf(response.headers),
            body: text ? JSON.parse(text) : undefined,
          });
        } catch (error) {
          reject(new Error(`${method} ${path} answered ${response.statusCode} with a body that is not JSON: ${text.slice(0, 200)}`, { cause: error }));
        }
      });
    });
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      const stale = outgoing.reusedSocket && error.code === 'ECONNRESET';
      reject(new (stale ? StaleConnectionError : Error)(`${method} ${path} got no answer`, { cause: error }));
    });
    outgoing.end(payload);
  });
}

function headersOf(incoming: IncomingHttpHeaders): globalThis.Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming)) {
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, one);
  }
  return headers;
}
