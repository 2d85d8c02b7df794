/**
 * A promise the test opens when it chooses: work awaits `opened` (a handler held inside its
 * transaction, a writer holding its xid) until the test calls `open()`. Opening twice is harmless.
 */
export interface Gate {
  readonly opened: Promise<void>;
  open(): void;
}

export function gate(): Gate {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}
