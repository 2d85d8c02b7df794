import type { GlobalPosition } from '@brigade/event-store';

/** `txid:seq`, the form carried in the Brigade-Position header. */
export function formatPosition(position: GlobalPosition): string {
  return `${position.transactionId}:${position.sequence}`;
}

export function parsePosition(text: string | undefined | null): GlobalPosition | null {
  const match = /^(\d+):(\d+)$/.exec(text ?? '');
  return match ? { transactionId: match[1], sequence: match[2] } : null;
}

/** Both parts exceed 2^53, so they are compared as bigints. */
export function comparePositions(a: GlobalPosition, b: GlobalPosition): number {
  const byTransaction = compareBig(a.transactionId, b.transactionId);
  return byTransaction !== 0 ? byTransaction : compareBig(a.sequence, b.sequence);
}

export function laterPosition(a: GlobalPosition | null, b: GlobalPosition | null): GlobalPosition | null {
  if (!a) return b;
  if (!b) return a;
  return comparePositions(a, b) >= 0 ? a : b;
}

function compareBig(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x === y ? 0 : x < y ? -1 : 1;
}
