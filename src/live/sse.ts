// GraphQL over SSE with event ids: Yoga's own SSE processor writes no `id:` line, so a client could not
// resume. This plugin stamps each subscription result with the seq of the event it carries (set by the
// subscription field's resolver, src/live/field.ts) and serves subscriptions with the same framing as Yoga
// plus `id: <seq>`: a browser's EventSource sends it back as Last-Event-ID when it reconnects.
import { isAsyncIterable, type Plugin } from 'graphql-yoga';

/** where a live field's resolver leaves the seq of the event being delivered (the SSE id) */
export interface LiveEventIdCarrier {
  liveEventId?: string;
}

const PING_MS = 12_000;

type Result = { extensions?: Record<string, unknown> } & Record<string, unknown>;

function sseResponse(results: AsyncIterable<Result>): Response {
  const encoder = new TextEncoder();
  let iterator: AsyncIterator<Result>;
  let ping: NodeJS.Timeout;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(':\n\n'));
      ping = setInterval(() => {
        if (controller.desiredSize === null) return clearInterval(ping);
        if (controller.desiredSize > 0) controller.enqueue(encoder.encode(':\n\n'));
      }, PING_MS);
      iterator = results[Symbol.asyncIterator]();
    },
    async pull(controller) {
      try {
        const next = await iterator.next();
        if (next.value != null) {
          const id = next.value.extensions?.eventId;
          const body = JSON.stringify(next.value);
          controller.enqueue(encoder.encode(`${id ? `id: ${id}\n` : ''}event: next\ndata: ${body}\n\n`));
        }
        if (next.done) {
          controller.enqueue(encoder.encode('event: complete\ndata:\n\n'));
          clearInterval(ping);
          controller.close();
        }
      } catch (error) {
        clearInterval(ping);
        controller.error(error);
      }
    },
    async cancel() {
      clearInterval(ping);
      await iterator?.return?.();
    },
  });
  return new Response(stream, {
    status: 200,
    headers: {
      'Content-Type': 'text/event-stream',
      Connection: 'keep-alive',
      'Cache-Control': 'no-cache',
      'Content-Encoding': 'none',
    },
  });
}

const acceptsEventStream = (request: Request) => (request.headers.get('accept') ?? '').includes('text/event-stream');

export function useLiveEventIds(): Plugin {
  return {
    onSubscribe: ({ args }) => ({
      onSubscribeResult: () => ({
        onNext: ({ result, setResult }) => {
          const carrier = args.contextValue as LiveEventIdCarrier;
          if (!carrier.liveEventId) return;
          const r = result as Result;
          setResult({ ...r, extensions: { ...r.extensions, eventId: carrier.liveEventId } } as never);
          carrier.liveEventId = undefined;
        },
      }),
    }),
    onResultProcess: ({ request, result, setResultProcessor }) => {
      if (isAsyncIterable(result) && acceptsEventStream(request)) {
        setResultProcessor((r) => sseResponse(r as AsyncIterable<Result>), 'text/event-stream');
      }
    },
  };
}
