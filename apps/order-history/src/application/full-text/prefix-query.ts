/** At most this many words of a search are used; more would only slow the query down. */
const MAX_WORDS = 8;
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * What a user typed, as a PostgreSQL tsquery in the `simple` configuration where every word is a
 * prefix and all must match: "piz marg" -> "piz:* & marg:*", so `piz` finds "Pizza". Only runs of
 * letters and digits survive, so nothing typed can reach tsquery's syntax (`&`, `|`, `!`, `:`,
 * quotes); null when there is no word at all.
 */
export function prefixQuery(text: string): string | null {
  const words = text.toLowerCase().match(WORD) ?? [];
  if (words.length === 0) return null;
  return [...new Set(words)]
    .slice(0, MAX_WORDS)
    .map((word) => `${word}:*`)
    .join(' & ');
}

/** A search text worth running: at least one letter or digit. */
export function hasSearchableWord(text: string): boolean {
  return prefixQuery(text) !== null;
}
