import type { z } from 'zod';
import { HttpError } from '../http-error.js';

/** More query parameters than any route takes, with room to spare. */
export const MAX_QUERY_PARAMS = 16;

/**
 * Parse a request's query with a route's schema, strictly: a parameter the route does not take,
 * one given twice, or more than {@link MAX_QUERY_PARAMS} of them is a 400 that names the problem
 * and what the route accepts. Values are decoded by the WHATWG URL parser (never throws: invalid
 * UTF-8 becomes U+FFFD), then checked by the schema.
 *
 * @example parseStrictQuery(c.req.url, ListQuerySchema, 'GET /api/v1/drugs')
 */
export function parseStrictQuery<T extends z.ZodObject>(url: string, schema: T, route: string): z.output<T> {
  const params = new URL(url).searchParams;
  const accepted = Object.keys(schema.shape);
  const acceptedText = accepted.length === 0 ? 'no query parameters' : `only ${accepted.join(', ')}`;
  let count = 0;
  for (const _ of params) if (++count > MAX_QUERY_PARAMS) throw new HttpError(400, `too many query parameters (more than ${MAX_QUERY_PARAMS}): ${route} takes ${acceptedText}`);
  const values: Record<string, string> = {};
  for (const [name, value] of params) {
    if (!accepted.includes(name)) throw new HttpError(400, `unknown query parameter ${shown(name)}: ${route} takes ${acceptedText}`);
    if (Object.hasOwn(values, name)) throw new HttpError(400, `the query parameter ${shown(name)} is given more than once; give it once`);
    values[name] = value;
  }
  return parseWith(schema, values);
}

/** Check already-collected parameters with a schema; a failure is a 400 naming each bad parameter. */
export function parseWith<T extends z.ZodObject>(schema: T, values: unknown): z.output<T> {
  const parsed = schema.safeParse(values);
  if (!parsed.success) throw new HttpError(400, parsed.error.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`).join('; '));
  return parsed.data;
}

/** A client-supplied name, quoted and cut short, for a message. */
function shown(name: string): string {
  return JSON.stringify(name.length > 40 ? `${name.slice(0, 40)}…` : name);
}
