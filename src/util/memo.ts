/**
 * Remember a pure string function's answers. Drug names and headings repeat across thousands of
 * pages, so this turns most calls into a map lookup; the map is emptied past `max` entries.
 */
export function memoize<T>(fn: (s: string) => T, max = 100_000): (s: string) => T {
  const cache = new Map<string, T>();
  return (s: string): T => {
    let v = cache.get(s);
    if (v === undefined && !cache.has(s)) {
      v = fn(s);
      if (cache.size >= max) cache.clear();
      cache.set(s, v);
    }
    return v as T;
  };
}
