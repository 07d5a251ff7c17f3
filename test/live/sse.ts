// A GraphQL-over-SSE client for tests: POSTs a subscription through yoga.fetch with
// `Accept: text/event-stream` and reads the stream, so `next()` awaits the next `event: next` message.
import type { App } from '../../src/app.js';

export interface SseMessage {
  id: string | null;
  data: { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
}

/** generous: only fails when the event never comes (no timing assertion) */
export const NEVER_MS = 30_000;

export class SseStream {
  private readonly messages: SseMessage[] = [];
  private waiter: (() => void) | null = null;
  private buffer = '';
  completed = false;

  private constructor(private readonly reader: ReadableStreamDefaultReader<Uint8Array>) {
    void this.pump();
  }

  static async open(
    app: App,
    query: string,
    variables: Record<string, unknown> = {},
    opts: { token?: string | null; lastEventId?: string | null; headers?: Record<string, string> } = {},
  ): Promise<SseStream> {
    const headers: Record<string, string> = {
      accept: 'text/event-stream',
      'content-type': 'application/json',
      ...(opts.headers ?? {}),
    };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.lastEventId) headers['last-event-id'] = opts.lastEventId;
    const response = await app.yoga.fetch('http://test/graphql', {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
    if (!response.body) throw new Error(`no stream: ${response.status}`);
    return new SseStream(response.body.getReader());
  }

  private async pump() {
    const decoder = new TextDecoder();
    try {
      for (;;) {
        const { value, done } = await this.reader.read();
        if (done) break;
        this.buffer += decoder.decode(value, { stream: true });
        let cut = this.buffer.indexOf('\n\n');
        while (cut >= 0) {
          this.parse(this.buffer.slice(0, cut));
          this.buffer = this.buffer.slice(cut + 2);
          cut = this.buffer.indexOf('\n\n');
        }
      }
    } catch {
      // cancelled by close()
    }
    this.completed = true;
    this.waiter?.();
  }

  private parse(block: string) {
    let id: string | null = null;
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) continue;
      const [field, ...rest] = line.split(':');
      const value = rest.join(':').replace(/^ /, '');
      if (field === 'id') id = value;
      else if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    if (event === 'complete') {
      this.completed = true;
    } else if (event === 'next' || (event === 'message' && data.length)) {
      this.messages.push({ id, data: JSON.parse(data.join('\n')) });
    }
    this.waiter?.();
  }

  /** the next message; throws if the stream completes first or nothing comes within NEVER_MS */
  async next(timeoutMs = NEVER_MS): Promise<SseMessage> {
    const deadline = Date.now() + timeoutMs;
    while (!this.messages.length) {
      if (this.completed) throw new Error('stream completed without a further message');
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('no message within the timeout');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiter = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.waiter = null;
    }
    return this.messages.shift()!;
  }

  /** messages received so far and not yet taken */
  get pending(): number {
    return this.messages.length;
  }

  async close() {
    await this.reader.cancel().catch(() => undefined);
  }
}
