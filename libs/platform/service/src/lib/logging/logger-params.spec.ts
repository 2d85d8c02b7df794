import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { Writable } from 'node:stream';
import { pinoHttp } from 'pino-http';
import type { Options } from 'pino-http';
import { loggerParams } from './logger-params';

function aRequest(headers: Record<string, string>, url = '/restaurants'): IncomingMessage {
  const request = new IncomingMessage(new Socket());
  request.headers = headers;
  request.method = 'POST';
  request.url = url;
  return request;
}

function capture(): { lines: Record<string, unknown>[]; stream: Writable } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { lines, stream };
}

describe('loggerParams', () => {
  const options = loggerParams('restaurants', { LOG_LEVEL: 'info' }).pinoHttp as Options;

  it('logs JSON carrying the service name and the correlation id, with credentials redacted', async () => {
    const { lines, stream } = capture();
    const middleware = pinoHttp(options, stream);
    const request = aRequest({ authorization: 'Bearer top-secret', cookie: 'sid=s3cret', 'x-correlation-id': 'corr-7' });
    const response = new ServerResponse(request);
    middleware(request, response, () => undefined);
    request.log.info('handling');
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines[0]).toMatchObject({ name: 'restaurants', msg: 'handling', correlationId: 'corr-7', req: { id: 'corr-7' } });
    expect(JSON.stringify(lines)).not.toMatch(/top-secret|s3cret/);
    expect(response.getHeader('X-Correlation-Id')).toBe('corr-7');
  });

  it('logs failures louder than successes', () => {
    const level = options.customLogLevel as (request: IncomingMessage, response: ServerResponse, error?: Error) => string;
    const request = aRequest({});
    const withStatus = (status: number) => Object.assign(new ServerResponse(request), { statusCode: status });
    expect([level(request, withStatus(201)), level(request, withStatus(404)), level(request, withStatus(500)), level(request, withStatus(200), new Error('x'))]).toEqual([
      'info',
      'warn',
      'error',
      'error',
    ]);
  });
});
