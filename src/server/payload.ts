import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

export type Encoding = 'br' | 'gzip';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * Response bytes with their strong validator and, made on demand and kept, their compressed forms.
 * Each representation has its own strong ETag: `"<hash>"`, `"<hash>-br"`, `"<hash>-gz"`.
 */
export class Payload {
  readonly bytes: Uint8Array<ArrayBuffer>;
  /** sha1 of `bytes`, base64url. Same bytes after a rebuild → same ETag → still a 304. */
  readonly hash: string;
  readonly #encoded = new Map<Encoding, Promise<Uint8Array<ArrayBuffer>>>();
  /** Told the size of each compressed form once it is made (a cache that holds this payload counts it). */
  onEncoded: ((bytes: number) => void) | undefined = undefined;

  /** `hash`: the sha1 of these bytes when already known (see `FileCache`); computed otherwise. */
  constructor(bytes: Uint8Array<ArrayBuffer>, hash?: string) {
    this.bytes = bytes;
    this.hash = hash ?? createHash('sha1').update(bytes).digest('base64url');
  }

  etag(encoding: Encoding | 'identity'): string {
    return encoding === 'identity' ? `"${this.hash}"` : `"${this.hash}-${encoding === 'br' ? 'br' : 'gz'}"`;
  }

  encoded(encoding: Encoding): Promise<Uint8Array<ArrayBuffer>> {
    let pending = this.#encoded.get(encoding);
    if (pending === undefined) {
      pending = compress(this.bytes, encoding);
      this.#encoded.set(encoding, pending);
      pending.then(
        (made) => this.onEncoded?.(made.byteLength),
        () => this.#encoded.delete(encoding),
      );
    }
    return pending;
  }
}

async function compress(bytes: Uint8Array<ArrayBuffer>, encoding: Encoding): Promise<Uint8Array<ArrayBuffer>> {
  if (encoding === 'gzip') return gzipAsync(bytes, { level: 6 });
  // Quality 5: close to 11 in size for HTML, an order of magnitude faster; done once per file version.
  return brotli(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 5,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength,
    },
  });
}
