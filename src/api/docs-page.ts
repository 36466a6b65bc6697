import { escapeHtml } from '../site/text.js';
import { OPENAPI_PATH } from './paths.js';

type Json = Record<string, unknown>;

/**
 * The OpenAPI document as a readable HTML page: operations with their parameters and responses,
 * then every schema's properties. Rendered on the server (and written by the build) from the
 * document itself, with no script and no inline style, so it passes the site's strict CSP.
 */
export function renderApiDocs(doc: Json): string {
  const info = (doc['info'] ?? {}) as Json;
  const title = String(info['title'] ?? 'API');
  const paths = (doc['paths'] ?? {}) as Record<string, Record<string, Json>>;
  const schemas = ((doc['components'] as Json | undefined)?.['schemas'] ?? {}) as Record<string, Json>;
  const ops = Object.entries(paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })));

  const out: string[] = [];
  out.push('<!doctype html><html lang="en"><head><meta charset="utf-8">');
  out.push('<meta name="viewport" content="width=device-width, initial-scale=1">');
  out.push(`<title>${escapeHtml(title)}</title><link rel="stylesheet" href="/assets/site.css"></head><body>`);
  out.push(`<main class="wrap api-docs"><h1>${escapeHtml(title)}</h1>`);
  out.push(`<p>Version ${escapeHtml(String(info['version'] ?? ''))}. Machine-readable: <a href="${OPENAPI_PATH}">OpenAPI 3.1 document</a>.</p>`);
  for (const para of String(info['description'] ?? '').split(/\n\n+/)) if (para.trim() !== '') out.push(`<p>${inline(para)}</p>`);

  out.push('<h2 id="operations">Operations</h2><ul>');
  for (const { path, method, op } of ops) out.push(`<li><a href="#${anchor(String(op['operationId']))}"><code>${method.toUpperCase()} ${escapeHtml(path)}</code></a>: ${inline(String(op['summary'] ?? ''))}</li>`);
  out.push('</ul>');

  for (const { path, method, op } of ops) {
    out.push(`<section><h3 id="${anchor(String(op['operationId']))}"><code>${method.toUpperCase()} ${escapeHtml(path)}</code></h3>`);
    out.push(`<p><strong>${inline(String(op['summary'] ?? ''))}</strong></p>`);
    for (const para of String(op['description'] ?? '').split(/\n\n+/)) if (para.trim() !== '') out.push(`<p>${inline(para)}</p>`);
    const params = (op['parameters'] ?? []) as Json[];
    if (params.length > 0) {
      out.push('<table><caption>Parameters</caption><thead><tr><th>Name</th><th>In</th><th>Type</th><th>Required</th><th>Description</th></tr></thead><tbody>');
      for (const p of params) {
        out.push(
          `<tr><td><code>${escapeHtml(String(p['name']))}</code></td><td>${escapeHtml(String(p['in']))}</td><td>${typeOf((p['schema'] ?? {}) as Json)}</td><td>${p['required'] === true ? 'yes' : 'no'}</td><td>${inline(String(p['description'] ?? ''))}</td></tr>`,
        );
      }
      out.push('</tbody></table>');
    }
    const responses = (op['responses'] ?? {}) as Record<string, Json>;
    out.push('<table><caption>Responses</caption><thead><tr><th>Status</th><th>Body</th><th>Description</th></tr></thead><tbody>');
    for (const [status, r] of Object.entries(responses)) {
      const content = (r['content'] ?? {}) as Record<string, Json>;
      const body = Object.entries(content)
        .map(([type, c]) => `<code>${escapeHtml(type)}</code> ${typeOf((c['schema'] ?? {}) as Json)}`)
        .join('<br>');
      const headers = Object.keys((r['headers'] ?? {}) as Json);
      const headerText = headers.length > 0 ? ` Headers: ${headers.map((h) => `<code>${escapeHtml(h)}</code>`).join(', ')}.` : '';
      out.push(`<tr><td>${escapeHtml(status)}</td><td>${body || '—'}</td><td>${inline(String(r['description'] ?? ''))}${headerText}</td></tr>`);
    }
    out.push('</tbody></table></section>');
  }

  out.push('<h2 id="schemas">Schemas</h2>');
  for (const [name, schema] of Object.entries(schemas)) {
    out.push(`<section><h3 id="${anchor('schema-' + name)}">${escapeHtml(name)}</h3>`);
    if (typeof schema['description'] === 'string') out.push(`<p>${inline(schema['description'])}</p>`);
    const props = (schema['properties'] ?? null) as Record<string, Json> | null;
    if (props === null) {
      out.push(`<p>Type: ${typeOf(schema)}</p></section>`);
      continue;
    }
    const required = new Set((schema['required'] ?? []) as string[]);
    out.push('<table><thead><tr><th>Property</th><th>Type</th><th>Required</th><th>Description</th></tr></thead><tbody>');
    for (const [prop, p] of Object.entries(props)) {
      out.push(`<tr><td><code>${escapeHtml(prop)}</code></td><td>${typeOf(p)}</td><td>${required.has(prop) ? 'yes' : 'no'}</td><td>${inline(String(p['description'] ?? ''))}</td></tr>`);
    }
    out.push('</tbody></table></section>');
  }
  out.push('</main></body></html>\n');
  return out.join('\n');
}

/** A JSON Schema as a short readable type, with components linked. */
function typeOf(s: Json, depth = 0): string {
  if (depth > 6) return 'object';
  const ref = s['$ref'];
  if (typeof ref === 'string') {
    const name = ref.replace('#/components/schemas/', '');
    return `<a href="#${anchor('schema-' + name)}">${escapeHtml(name)}</a>`;
  }
  const anyOf = (s['anyOf'] ?? s['oneOf']) as Json[] | undefined;
  if (Array.isArray(anyOf)) return anyOf.map((x) => typeOf(x, depth + 1)).join(' or ');
  if ('const' in s) return `<code>${escapeHtml(JSON.stringify(s['const']))}</code>`;
  if (Array.isArray(s['enum'])) return (s['enum'] as unknown[]).map((v) => `<code>${escapeHtml(JSON.stringify(v))}</code>`).join(' | ');
  const type = s['type'];
  const types = Array.isArray(type) ? (type as string[]) : typeof type === 'string' ? [type] : [];
  const shown = types.map((t) => {
    if (t === 'array') {
      const items = s['items'] as Json | undefined;
      if (s['maxItems'] === 0) return 'empty array';
      return items ? `array of ${typeOf(items, depth + 1)}` : 'array';
    }
    if (t === 'object' && s['additionalProperties'] && typeof s['additionalProperties'] === 'object' && !s['properties']) {
      return `map of ${typeOf(s['additionalProperties'] as Json, depth + 1)}`;
    }
    return escapeHtml(t);
  });
  return shown.length > 0 ? shown.join(' or ') : 'any';
}

/** Escaped text with `code` spans. */
function inline(text: string): string {
  return escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');
}

function anchor(s: string): string {
  return s.replace(/[^A-Za-z0-9_-]/g, '-');
}
