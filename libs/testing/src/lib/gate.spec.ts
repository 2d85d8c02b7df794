import { gate } from './gate';

describe('gate', () => {
  it('holds what awaits it until opened, and opens once', async () => {
    const held = gate();
    let passed = false;
    const waiting = held.opened.then(() => (passed = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(passed).toBe(false);
    held.open();
    held.open();
    await waiting;
    expect(passed).toBe(true);
  });
});
