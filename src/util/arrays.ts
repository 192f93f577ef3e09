/**
 * Loops for what `push(...xs)`, `Math.max(...xs)` and `Math.min(...xs)` do: a spread passes
 * every element as an argument on the stack, and an array of records or problems can be long
 * enough (~120,000) to overflow it. Use these wherever the array's length comes from input.
 */

/** Appends every item of `items` to `target`; returns `target`. */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const x of items) target.push(x);
  return target;
}

/** The largest of `init` and the items. */
export function maxOf(items: Iterable<number>, init = -Infinity): number {
  let m = init;
  for (const x of items) if (x > m) m = x;
  return m;
}

/** The smallest of `init` and the items. */
export function minOf(items: Iterable<number>, init = Infinity): number {
  let m = init;
  for (const x of items) if (x < m) m = x;
  return m;
}
