// 请求体上限: the most bytes a GraphQL request body may have. Yoga's own limit copies every body through a
// TransformStream into a new Request, with an AbortController per pipe, even when Content-Length already says
// how long it is: ≈ 13 % of the CPU of a `{ __typename }` request over a socket. Node's HTTP parser frames a
// request's body by its Content-Length (and refuses one that also has Transfer-Encoding), so for a request that
// came through node:http a checked Content-Length is the limit; only bodies without one (chunked) are counted
// while they are read. Requests handed to `yoga.fetch` in-process carry no such guarantee and are counted.
import { GraphQLError } from 'graphql';
import type { FetchAPI, Plugin } from 'graphql-yoga';

const tooLarge = (limit: number) =>
  new GraphQLError(`请求体超过 ${limit} 字节 (request body too large)`, {
    extensions: { code: 'REQUEST_ENTITY_TOO_LARGE', http: { status: 413 } },
  });

const badLength = () =>
  new GraphQLError('Content-Length 无效 (Content-Length header is invalid)', {
    extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
  });

/** one non-negative integer; anything else (negative, comma-joined duplicates) is refused, not skipped */
const CONTENT_LENGTH = /^\d+$/;

/** the body, erroring as soon as more than `limit` bytes have been read */
function counted(request: Request, limit: number, fetchAPI: FetchAPI): Request {
  let read = 0;
  // a native stream pipes into a native TransformStream, the adapter's own stream into the adapter's
  const Transform = request.body instanceof ReadableStream ? TransformStream : fetchAPI.TransformStream;
  const body = request.body!.pipeThrough(
    new Transform<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        read += chunk.byteLength;
        if (read > limit) controller.error(tooLarge(limit));
        else controller.enqueue(chunk);
      },
    }),
  );
  const init = { method: request.method, headers: request.headers, signal: request.signal, body, duplex: 'half' };
  return new fetchAPI.Request(request.url, init as RequestInit);
}

/** replaces Yoga's `maxRequestBodySize` (set it to false) */
export function useRequestBodyLimit(limit: number): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, serverContext, fetchAPI }) {
      const length = request.headers.get('content-length');
      if (length != null) {
        if (!CONTENT_LENGTH.test(length)) throw badLength();
        if (Number(length) > limit) throw tooLarge(limit);
      }
      if (!requestParser || !request.body) return;
      const framedByNode = length != null && (serverContext as { req?: unknown }).req !== undefined;
      if (framedByNode) return;
      const parse = requestParser;
      setRequestParser((req) => parse(counted(req, limit, fetchAPI)));
    },
  };
}
