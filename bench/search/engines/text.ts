import { gzipSync } from 'node:zlib';

/**
 * English words every general-purpose engine here drops from queries and documents alike, so
 * "amoxicillin and clavulanic acid" or "drugs for multiple sclerosis" are not AND-ed on "and"/"for".
 */
export const STOP_WORDS = ['a', 'an', 'and', 'are', 'as', 'at', 'by', 'for', 'from', 'in', 'is', 'it', 'of', 'on', 'or', 'the', 'to', 'with'];

/** Lowercase with accents removed (`Acétaminophène` → `acetaminophene`). */
export const fold = (s: string): string => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/** Bytes of `value` as JSON, gzipped: the size of a serialized index shipped to browsers. */
export const gzippedJsonBytes = (value: unknown): number => gzipSync(JSON.stringify(value)).byteLength;
