import { createHash } from 'node:crypto';
import { closeSync, createReadStream, fstatSync, openSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Context } from 'hono';
import { versionOf } from '../file-version.js';
import { HttpError } from '../http-error.js';
import { etagMatches } from '../respond.js';

/**
 * Files too large to hold in memory per request (the bulk download): streamed from disk, with a
 * strong ETag hashed once per file version (a stream, not a read of the whole file), 304 for a
 * matching `If-None-Match`, an exact `Content-Length`, no body for HEAD. Never compressed again
 * (the file is gzip already).
 */
export class LargeFiles {
  readonly #tags = new Map<string, { version: string; etag: Promise<string> }>();

  async respond(c: Context, file: string, contentType: string): Promise<Response> {
    // Open first, then stat the open file: a rebuild renaming a new file in cannot mix the two.
    let fd: number;
    try {
      fd = openSync(file, 'r');
    } catch {
      throw new HttpError(404, 'the site has no bulk file: rebuild it');
    }
    const st = fstatSync(fd, { bigint: true });
    if (!st.isFile()) {
      closeSync(fd);
      throw new HttpError(404, 'the site has no bulk file: rebuild it');
    }
    const version = versionOf(st);
    let known = this.#tags.get(file);
    if (known?.version !== version) {
      known = { version, etag: hashFile(file) };
      this.#tags.set(file, known);
      known.etag.catch(() => this.#tags.delete(file));
    }
    let etag: string;
    try {
      etag = await known.etag;
    } catch (e) {
      closeSync(fd);
      throw e;
    }
    const headers: Record<string, string> = { ETag: etag, 'Cache-Control': 'no-cache' };
    if (etagMatches(c.req.header('If-None-Match'), etag)) {
      closeSync(fd);
      return c.body(null, 304, headers);
    }
    headers['Content-Type'] = contentType;
    headers['Content-Length'] = String(st.size);
    if (c.req.method === 'HEAD') {
      closeSync(fd);
      return c.body(null, 200, headers);
    }
    const stream = Readable.toWeb(createReadStream('', { fd, autoClose: true })) as unknown as ReadableStream<Uint8Array>;
    return c.body(stream, 200, headers);
  }
}

async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha1');
  await pipeline(createReadStream(file), hash);
  return `"${hash.digest('base64url')}"`;
}
