import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * The server's one error type: a status, a message safe to show to the client, and the cause
 * (kept for the log, never sent). Thrown anywhere in a handler and turned into a response by the
 * app's single `onError`.
 *
 * @example
 * throw new HttpError(400, 'the URL path is not valid percent-encoded UTF-8', { cause: err });
 */
export class HttpError extends HTTPException {
  constructor(status: ContentfulStatusCode, message: string, options: { cause?: unknown } = {}) {
    super(status, { message, cause: options.cause });
    this.name = 'HttpError';
  }
}
