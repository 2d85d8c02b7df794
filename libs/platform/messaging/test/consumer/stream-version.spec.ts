import { agreedStreamVersion, StreamVersionMismatchError } from '../../src';

const event = (streamVersion: number | null) => ({ eventId: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b', subject: 'restaurants.restaurant.closed.v1', streamVersion });

describe('agreedStreamVersion: a replica trusts a version only when header and payload agree', () => {
  it('answers the version when the Brigade-Stream-Version header and the payload say the same', () => {
    expect(agreedStreamVersion(event(3), 3)).toBe(3);
  });

  it('refuses a header that says another version than the payload (e.g. raised to freeze a replica): parked at once, never retried', () => {
    const refusal = catchError(() => agreedStreamVersion(event(1_000_000), 3));
    expect(refusal).toBeInstanceOf(StreamVersionMismatchError);
    expect(refusal).toMatchObject({ code: 'MESSAGING.STREAM_VERSION.MISMATCH', retryable: false, headerVersion: 1_000_000, payloadVersion: 3 });
    expect((refusal as Error).message).toBe(
      "Event 6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b on restaurants.restaurant.closed.v1: stream version header 1000000 does not match its payload's 3",
    );
  });

  it('refuses a message without the header: the payload alone does not say it came from the relay', () => {
    expect(catchError(() => agreedStreamVersion(event(null), 3))).toMatchObject({ code: 'MESSAGING.STREAM_VERSION.MISMATCH', retryable: false, headerVersion: null });
  });
});

function catchError(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
