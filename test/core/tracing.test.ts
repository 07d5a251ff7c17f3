// OpenTelemetry: a traced app turns each operation into a span with Prisma's spans below it, and keeps
// variables (personal information) out of every span. Off unless configured (createApp without `tracing`).
import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { instrumentPrisma } from '../../src/tracing.js';
import { createTestApp, type TestApp } from '../helpers.js';

const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
let t: TestApp;
let traced: Awaited<ReturnType<typeof createApp>>;

beforeAll(async () => {
  // what NodeTracerProvider.register() installs in production: the active span follows async calls
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  trace.setGlobalTracerProvider(provider);
  instrumentPrisma(provider);
  t = await createTestApp();
  traced = await createApp({
    db: t.db,
    modules: [],
    clock: t.clock,
    limits: { rateLimit: false },
    tracing: { provider, document: false },
    secret: new TextEncoder().encode('test-secret-test-secret-test-secret!!'),
  });
});
afterAll(async () => {
  await t?.close();
  await provider.shutdown();
});

/** the operation through the traced app, and every span it left */
async function traceOf(query: string, variables: Record<string, unknown>) {
  exporter.reset();
  const r = await traced.yoga.fetch('http://test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const data = (await r.json()).data;
  await provider.forceFlush();
  return { data, spans: exporter.getFinishedSpans() };
}

describe('tracing', () => {
  it('one span per operation, Prisma spans in the same trace, no variables anywhere', async () => {
    const { data, spans } = await traceOf('query Towns($code: String!) { regionByCode(code: $code) { name } }', {
      code: '652301',
    });
    expect(data.regionByCode.name).toBe('昌吉市');
    const operation = spans.find((s) => s.name.includes('Towns'));
    expect(operation, spans.map((s) => s.name).join(', ')).toBeDefined();
    const prisma = spans.filter((s) => s.name.startsWith('prisma:'));
    expect(prisma.length).toBeGreaterThan(0);
    expect(prisma.some((s) => s.spanContext().traceId === operation!.spanContext().traceId)).toBe(true);
    expect(JSON.stringify(spans.map((s) => s.attributes))).not.toContain('652301');
  });

  it('reads past Prisma (src/core/model-rows.ts) have spans of their own, without their parameters', async () => {
    const { data, spans } = await traceOf(
      'query Counted($l: RegionLevel) { regions(first: 1, filter: { level: $l }) { totalCount } }',
      { l: 'TOWNSHIP' },
    );
    expect(data.regions.totalCount).toBeGreaterThan(1);
    const operation = spans.find((s) => s.name.includes('Counted'));
    const reads = spans.filter((s) => s.name === 'db:read');
    expect(reads.length, spans.map((s) => s.name).join(', ')).toBeGreaterThan(0);
    // the count, inside the operation (the viewer's read comes before the operation starts)
    const count = reads.find((s) => String(s.attributes['db.query.text']).includes('count(*)'));
    expect(count?.spanContext().traceId).toBe(operation!.spanContext().traceId);
    expect(JSON.stringify(spans.map((s) => s.attributes))).not.toContain('TOWNSHIP');
  });
});
