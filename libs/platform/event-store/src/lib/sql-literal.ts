/** Characters that cannot end or escape a single-quoted SQL string: ids, kebab names, ISO timestamps. */
const SAFE = /^[A-Za-z0-9_.:+-]+$/;

/**
 * `value` as a quoted SQL literal for a parameterless statement (commitWith, beginWith), or null
 * when it holds anything beyond letters, digits and `_ . : + -`: the caller then sends it as a
 * parameter. Nothing is escaped, so nothing can be escaped wrongly.
 */
export function safeLiteral(value: string): string | null {
  return SAFE.test(value) ? `'${value}'` : null;
}
