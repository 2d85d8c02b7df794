import { MsgHdrsImpl } from '@nats-io/nats-core/internal';
import { headerRecord } from '../../src/lib/consumer/consumed-event';
import { firstHeaderValues } from '../../src/lib/consumer/header-block';

// The parser must answer exactly what the client's decoder, read through headerRecord, answers
// today: every case is checked against the client itself, not against a hand-written expectation.
describe('firstHeaderValues: a header block read as headerRecord(MsgHdrsImpl.decode(block)) reads it', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  /** Same entries, same order, own properties only. */
  const expectSameAsClient = (block: Uint8Array) => {
    const ours = firstHeaderValues(block);
    expect(ours).not.toBeNull();
    expect(Object.entries(ours ?? {})).toEqual(Object.entries(headerRecord(MsgHdrsImpl.decode(block))));
    return ours;
  };

  it("reads the client's own encoding: several keys, a repeated key, an empty value, ':' and UTF-8 in values", () => {
    const h = new MsgHdrsImpl();
    h.set('Brigade-Event-Id', '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b');
    h.append('Brigade-Tag', 'first');
    h.append('Brigade-Tag', 'second');
    h.set('brigade-lower', 'kept as written');
    h.set('Empty', '');
    h.set('Brigade-Actor', '{"id":"u:1","role":"admin"}');
    h.set('Brigade-Note', 'crème brûlée — 寿司 🍣');
    h.set('Brigade-Occurred-At', '2030-01-01T12:00:00.000Z');

    expect(expectSameAsClient(h.encode())).toEqual({
      'Brigade-Event-Id': '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b',
      'Brigade-Tag': 'first',
      'brigade-lower': 'kept as written',
      Empty: '',
      'Brigade-Actor': '{"id":"u:1","role":"admin"}',
      'Brigade-Note': 'crème brûlée — 寿司 🍣',
      'Brigade-Occurred-At': '2030-01-01T12:00:00.000Z',
    });
  });

  it.each([
    ['an empty block', ''],
    ['a status line only', 'NATS/1.0'],
    ['no headers', 'NATS/1.0\r\n\r\n'],
    ['a status code', 'NATS/1.0 503\r\n\r\n'],
    ['a status with a description and headers', 'NATS/1.0 408 Request Timeout\r\nNats-Pending-Messages: 3\r\nNats-Pending-Bytes: 120\r\n\r\n'],
    ['a malformed status line', 'NATS/1.0   x y \r\nA: 1\r\n\r\n'],
    ['a first line that is not a status line (never read as a header)', 'Not-A-Status: 1\r\nA: 2\r\n\r\n'],
    ['values trimmed, tabs and unicode spaces too', 'NATS/1.0\r\nA:   padded \t\r\nB:\u00a0nbsp\u3000\r\nC:no-space\r\n\r\n'],
    ['a value of spaces only', 'NATS/1.0\r\nBlank:    \r\n\r\n'],
    ["values containing ':'", 'NATS/1.0\r\nUrl: http://host:8080/x\r\nTime: 12:00:01\r\n\r\n'],
    ['a repeated key keeps its first value, even when empty', 'NATS/1.0\r\nA: \r\nA: second\r\nB: 1\r\nB: 2\r\nB: 3\r\n\r\n'],
    ['keys compared exactly (case kept, never merged)', 'NATS/1.0\r\nkey: lower\r\nKey: upper\r\nKEY: shout\r\n\r\n'],
    ['lines without a colon, and empty lines, skipped', 'NATS/1.0\r\nno colon here\r\n\r\nA: 1\r\n\r\n\r\nB: 2\r\n\r\n'],
    ['an empty key', 'NATS/1.0\r\n: nameless\r\n\r\n'],
    ['a last line without CRLF', 'NATS/1.0\r\nA: 1\r\nB: 2'],
    ['a lone CR at the end of a value (trimmed away)', 'NATS/1.0\r\nA: 1\r\r\nB: 2\r\n\r\n'],
    ['a lone LF on a line without a colon', 'NATS/1.0\r\nno\ncolon\r\nA: 1\r\n\r\n'],
    ['keys that are Object.prototype names', 'NATS/1.0\r\ntoString: a\r\nconstructor: b\r\nhasOwnProperty: c\r\n__proto__: d\r\nvalueOf: e\r\nvalueOf: f\r\n\r\n'],
    ['numeric keys', 'NATS/1.0\r\n2: two\r\n1: one\r\nZ: z\r\n\r\n'],
    ['every printable ASCII character in a key', `NATS/1.0\r\n${printableNameChars()}: all\r\n\r\n`],
    ['UTF-8 values', 'NATS/1.0\r\nA: naïve façade\r\nB: Ελληνικά 中文 😀\r\n\r\n'],
  ])('reads %s', (_, text) => {
    expectSameAsClient(bytes(text));
  });

  it('reads invalid UTF-8 in a value as the client does (replacement characters)', () => {
    const block = Uint8Array.of(...bytes('NATS/1.0\r\nA: x'), 0xff, 0xc3, ...bytes('y\r\nB: 2\r\n\r\n'));
    expect(expectSameAsClient(block)?.A).toBe('x\ufffd\ufffdy');
  });

  it('reads a block starting with a byte order mark as the client does', () => {
    expectSameAsClient(Uint8Array.of(0xef, 0xbb, 0xbf, ...bytes('NATS/1.0\r\nA: 1\r\n\r\n')));
  });

  it.each([
    ['a space before the colon', 'NATS/1.0\r\nKey : value\r\n\r\n'],
    ['a leading space in the key', 'NATS/1.0\r\n Key: value\r\n\r\n'],
    ['a tab in the key', 'NATS/1.0\r\nK\tey: value\r\n\r\n'],
    ['a non-ASCII key', 'NATS/1.0\r\nClé: value\r\n\r\n'],
    ['an LF inside a value', 'NATS/1.0\r\nA: one\ntwo\r\n\r\n'],
    ['a CR inside a value', 'NATS/1.0\r\nA: one\rtwo\r\n\r\n'],
    ['a refused line after good ones', 'NATS/1.0\r\nA: 1\r\nB: 2\r\nBad Key: 3\r\n\r\n'],
  ])('declines a block the client refuses: %s', (_, text) => {
    expect(() => MsgHdrsImpl.decode(bytes(text))).toThrow();
    expect(firstHeaderValues(bytes(text))).toBeNull();
  });
});

function printableNameChars(): string {
  let s = '';
  for (let c = 33; c <= 126; c++) if (c !== 58) s += String.fromCharCode(c);
  return s;
}
