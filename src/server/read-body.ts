import type { IncomingMessage } from 'node:http';

/** The body was larger than the server accepts, by its Content-Length or as it streamed in. */
export class BodyTooLargeError extends Error {
  constructor(
    readonly limit: number,
    declaredLength?: number,
  ) {
    super(
      `The request body${declaredLength === undefined ? '' : ` of ${declaredLength} bytes`} exceeds this server's limit of ${limit} bytes.`,
    );
  }
}

/** The Content-Length is over the limit: answer at once, before the client sends the body. */
export const declaredTooLarge = (request: IncomingMessage, limit: number): BodyTooLargeError | undefined => {
  const declared = Number(request.headers['content-length']);
  return Number.isFinite(declared) && declared > limit ? new BodyTooLargeError(limit, declared) : undefined;
};

/**
 * Reads a request body, refusing more than `limit` bytes: from `Content-Length` before
 * reading anything, else as soon as the streamed body passes the limit. The caller
 * answers and keeps draining, so the client can read the answer before the socket closes.
 */
export const readBody = (request: IncomingMessage, limit: number): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const tooLarge = declaredTooLarge(request, limit);
    if (tooLarge !== undefined) {
      reject(tooLarge);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      outcome();
    };
    request.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        settle(() => reject(new BodyTooLargeError(limit)));
      } else {
        chunks.push(chunk);
      }
    });
    request.on('end', () => settle(() => resolve(Buffer.concat(chunks, size))));
    request.on('error', (error) => settle(() => reject(error)));
    request.on('close', () => settle(() => reject(new Error('The client closed the connection mid-request.'))));
  });
