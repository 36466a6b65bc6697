import { z } from 'zod';
import { API_ROUTES, type BodyDoc, type RouteDoc } from './routes.js';
import { API_SCHEMAS, API_VERSION } from './schemas.js';
// Imported for their registrations in API_SCHEMAS (FHIR and search shapes).
import './fhir-schemas.js';
import './search-schemas.js';

export interface OpenApiOptions {
  /** Public base URL of the site, or null: the document then names the server relatively (`/`). */
  siteUrl: string | null;
  siteName: string;
}

type Json = Record<string, unknown>;

const COMPONENT = '#/components/schemas/';

/**
 * The OpenAPI 3.1 document of the API, written from the zod schemas (`API_SCHEMAS`, via
 * `z.toJSONSchema`, JSON Schema 2020-12 as OpenAPI 3.1 uses) and the route list (`API_ROUTES`).
 * Nothing in it is written by hand twice: a shape changes in one place.
 *
 * @example JSON.stringify(openApiDocument({ siteUrl: null, siteName: 'Formulary' }))
 */
export function openApiDocument(options: OpenApiOptions): Json {
  const components = componentSchemas();
  const paths: Json = {};
  for (const route of API_ROUTES) paths[route.path] = { [route.method ?? 'get']: operation(route) };
  return {
    openapi: '3.1.0',
    info: {
      title: `${options.siteName} API`,
      version: `${API_VERSION}.0.0`,
      summary: 'Medicine monographs as data: the catalog, each drug, search, bulk download and FHIR R4.',
      description: [
        'Static files (`/api/v1/index.json`, `/api/v1/drugs/{id}.json`, `/api/v1/bulk.ndjson.gz`, this document) are written by `formulary build` and work on any static host; the other routes need `formulary serve`.',
        'Errors are RFC 9457 `application/problem+json` (under `/fhir`, FHIR `OperationOutcome`). Every JSON GET response has a strong `ETag` (send `If-None-Match` for a 304) and `Cache-Control`. GET and HEAD, and POST for the dose calculation only; CORS is open for them.',
        'The server limits requests per client (429 with `Retry-After`), the URL length and query parameters (unknown or repeated ones are a 400 naming them).',
        'The content is unreviewed AI-written text from public sites: not medical advice.',
      ].join('\n\n'),
      license: { name: 'MIT', identifier: 'MIT' },
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: options.siteUrl === null ? '/' : options.siteUrl.replace(/\/+$/, '') }],
    tags: [
      { name: 'catalog', description: 'The catalog: list, drugs, bulk.' },
      { name: 'search', description: 'Search by name, synonym, combination or text.' },
      { name: 'fhir', description: 'FHIR R4 MedicationKnowledge.' },
      { name: 'clinical', description: 'Dose calculation from structured regimens.' },
      { name: 'meta', description: 'This documentation.' },
    ],
    paths,
    components: { schemas: components },
  };
}

/** Every schema with an id in `API_SCHEMAS`, as OpenAPI components referencing one another. */
function componentSchemas(): Json {
  const out = z.toJSONSchema(API_SCHEMAS, { target: 'draft-2020-12', io: 'output', metadata: API_SCHEMAS, uri: (id) => COMPONENT + id, unrepresentable: 'throw' });
  const schemas: Json = {};
  for (const [id, schema] of Object.entries(out.schemas)) {
    const { $schema: _s, $id: _i, ...rest } = schema as Json;
    schemas[id] = rest;
  }
  return schemas;
}

/** The JSON Schema of one schema, referencing components by id. */
function schemaOf(schema: z.ZodType, io: 'input' | 'output'): Json {
  const id = API_SCHEMAS.get(schema)?.id;
  if (id !== undefined) return { $ref: COMPONENT + id };
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io, metadata: API_SCHEMAS, unrepresentable: 'throw' }) as Json;
  const { $schema: _s, ...rest } = json;
  return rest;
}

function operation(route: RouteDoc): Json {
  const parameters: Json[] = [];
  for (const p of route.pathParams ?? []) {
    parameters.push({ name: p.name, in: 'path', required: true, description: p.description, schema: p.pattern === undefined ? { type: 'string' } : { type: 'string', pattern: p.pattern } });
  }
  for (const [name, field] of Object.entries(route.query.shape as Record<string, z.ZodType>)) {
    const schema = schemaOf(field, 'input');
    const { description, ...bare } = schema;
    parameters.push({
      name,
      in: 'query',
      required: !(field.safeParse(undefined).success),
      ...(typeof description === 'string' ? { description } : {}),
      schema: bare,
    });
  }
  const responses: Json = {};
  for (const [status, r] of Object.entries(route.responses)) {
    const response: Json = { description: r.description };
    if (r.headers && r.headers.length > 0) {
      response['headers'] = Object.fromEntries(r.headers.map((h) => [h, { description: HEADER_TEXT[h] ?? h, schema: { type: 'string' } }]));
    }
    if (r.body) response['content'] = { [r.body.type]: { schema: bodySchema(r.body) } };
    responses[status] = response;
  }
  const description = route.strictQuery ? `${route.description}\n\nParameters not listed here are rejected (400).` : route.description;
  return {
    operationId: route.operationId,
    summary: route.summary,
    description: route.static ? `${description}\n\nAlso a static file of the built site.` : description,
    tags: [route.tag],
    parameters,
    ...(route.requestBody === undefined
      ? {}
      : { requestBody: { required: true, description: route.requestBody.description, content: { 'application/json': { schema: schemaOf(route.requestBody.schema, 'input') } } } }),
    responses,
  };
}

function bodySchema(body: BodyDoc): Json {
  if ('schema' in body) return schemaOf(body.schema, 'output');
  switch (body.shape) {
    case 'binary':
      return { type: 'string', contentMediaType: body.type, description: body.description };
    case 'object':
      return { type: 'object', description: body.description };
    case 'html':
      return { type: 'string', description: body.description };
  }
}

const HEADER_TEXT: Readonly<Record<string, string>> = {
  ETag: 'Strong validator of this representation; send it back in `If-None-Match`.',
  'Cache-Control': '`no-cache`: store, but revalidate (cheap with the ETag).',
  Link: '`<next page URL>; rel="next"` when there is a next page.',
  Location: 'The canonical URL.',
  'Retry-After': 'Seconds until the client may send again.',
  'RateLimit-Limit': 'Requests allowed per window.',
  'RateLimit-Remaining': 'Requests left in this window.',
  'RateLimit-Reset': 'Seconds until the window resets.',
};
