import { AckBuffer } from '../../src/lib/consumer/ack-buffer';

describe('AckBuffer (acks leave together)', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('holds acks for the delay, then sends them all in one run, in the order they came', () => {
    const buffer = new AckBuffer(5);
    const sent: number[] = [];
    buffer.add(() => sent.push(1));
    jest.advanceTimersByTime(3);
    buffer.add(() => sent.push(2));
    expect(sent).toEqual([]);
    expect(buffer.size).toBe(2);

    jest.advanceTimersByTime(2); // 5 ms after the first: the second does not restart the wait
    expect(sent).toEqual([1, 2]);
    expect(buffer.size).toBe(0);
  });

  it('sends what waits at once on flush, and nothing twice', () => {
    const buffer = new AckBuffer(5);
    const sent: string[] = [];
    buffer.add(() => sent.push('a'));
    buffer.flush();
    expect(sent).toEqual(['a']);

    jest.advanceTimersByTime(10);
    expect(sent).toEqual(['a']);
    buffer.add(() => sent.push('b'));
    jest.advanceTimersByTime(5);
    expect(sent).toEqual(['a', 'b']);
  });

  it('with no delay, sends each ack as it comes', () => {
    const buffer = new AckBuffer(0);
    const sent: string[] = [];
    buffer.add(() => sent.push('a'));
    expect(sent).toEqual(['a']);
  });
});
