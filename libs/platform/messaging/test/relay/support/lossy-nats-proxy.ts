import { AddressInfo, Server, Socket, createServer, connect } from 'node:net';

/**
 * A TCP proxy in front of a NATS server that can lose chosen publishes on a live connection:
 * it understands just enough of the client protocol (PUB/HPUB with their payloads) to drop
 * whole messages, so the server never sees them while later ones still arrive. That is the
 * harm a reconnect or a refused publish can do to a pipelined batch, made deterministic.
 */
export class LossyNatsProxy {
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private skip = 0;
  private drop = 0;

  private constructor(private readonly target: { host: string; port: number }, private readonly subjectPrefix: string) {
    this.server = createServer((client) => this.pipe(client));
  }

  static async start(natsUrl: string, subjectPrefix: string): Promise<LossyNatsProxy> {
    const { hostname, port } = new URL(natsUrl);
    const proxy = new LossyNatsProxy({ host: hostname, port: Number(port) }, subjectPrefix);
    await new Promise<void>((resolve) => proxy.server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get url(): string {
    return `nats://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Lets `skip` publishes on subjects under the prefix through, then silently drops the next `drop`. */
  losePublishes(skip: number, drop: number): void {
    this.skip = skip;
    this.drop = drop;
  }

  get pendingDrops(): number {
    return this.drop;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private pipe(client: Socket): void {
    const upstream = connect(this.target.port, this.target.host);
    this.sockets.add(client).add(upstream);
    upstream.pipe(client);
    let pending = Buffer.alloc(0);
    client.on('data', (chunk) => {
      pending = Buffer.concat([pending, chunk]);
      for (let op = nextOp(pending); op; op = nextOp(pending)) {
        pending = pending.subarray(op.length);
        if (!this.loses(op.subject)) upstream.write(op.bytes);
      }
    });
    const close = (): void => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', close).on('error', close);
    upstream.on('close', close).on('error', close);
  }

  private loses(subject: string | null): boolean {
    if (!subject?.startsWith(this.subjectPrefix)) return false;
    if (this.skip > 0) {
      this.skip--;
      return false;
    }
    if (this.drop > 0) {
      this.drop--;
      return true;
    }
    return false;
  }
}

/** One complete client protocol operation at the start of `buffer`, if it is all there. */
function nextOp(buffer: Buffer): { bytes: Buffer; length: number; subject: string | null } | null {
  const lineEnd = buffer.indexOf('\r\n');
  if (lineEnd < 0) return null;
  const line = buffer.subarray(0, lineEnd).toString();
  const [verb, subject, ...rest] = line.split(' ');
  if (verb !== 'PUB' && verb !== 'HPUB') return { bytes: buffer.subarray(0, lineEnd + 2), length: lineEnd + 2, subject: null };
  const total = lineEnd + 2 + Number(rest[rest.length - 1]) + 2;
  if (buffer.length < total) return null;
  return { bytes: buffer.subarray(0, total), length: total, subject };
}
