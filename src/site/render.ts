import type { JSX } from 'hono/jsx/jsx-runtime';

/** Render a JSX tree synchronously to a string (the site has no async components). */
export function renderToString(node: JSX.Element): string {
  const out = node.toString();
  if (typeof out !== 'string') throw new Error('site: a component rendered asynchronously; site views must be synchronous');
  return out;
}

/** A full HTML document. */
export const renderDocument = (node: JSX.Element): string => '<!DOCTYPE html>\n' + renderToString(node);
