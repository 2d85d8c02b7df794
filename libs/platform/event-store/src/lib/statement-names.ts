/** Distinct statement texts named in this process; later ones run unnamed (parsed on every call, as pg does by default). */
const MAX_NAMED_TEXTS = 1_000;

const namesByText = new Map<string, string>();

/**
 * The process-wide name of a statement text, for preparing it once per connection: the same text
 * always gets the same name, whichever path sends it (a pipeline such as a transaction's COMMIT
 * round trip, or the apps' pg client, `PreparingClient`), so both find it prepared in pg's record
 * of the connection.
 * Undefined once MAX_NAMED_TEXTS texts have names (texts made per call, e.g. with a varying number
 * of placeholders, then stop growing the servers' caches).
 */
export function preparedStatementName(text: string): string | undefined {
  let name = namesByText.get(text);
  if (name === undefined && namesByText.size < MAX_NAMED_TEXTS) namesByText.set(text, (name = `auto_${namesByText.size + 1}`));
  return name;
}
