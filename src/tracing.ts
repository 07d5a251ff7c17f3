// 链路追踪 (OpenTelemetry), off by default: with OTEL_EXPORTER_OTLP_ENDPOINT set (or OTEL_TRACES=on) every
// GraphQL operation is a span (envelop's plugin) with Prisma's spans below it (@prisma/instrumentation),
// exported over OTLP/HTTP. Variables, results and (unless OTEL_GRAPHQL_DOCUMENT=true) the document text stay
// out of the spans: they may carry personal information.
import { SpanKind, type TracerProvider } from '@opentelemetry/api';
import { useOpenTelemetry } from '@envelop/opentelemetry';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { PrismaInstrumentation } from '@prisma/instrumentation';
import type { Plugin } from 'graphql-yoga';

export interface Tracing {
  provider: TracerProvider;
  /** put the GraphQL document into the operation span */
  document: boolean;
}

/** Prisma's spans go to `provider` (call once per process, before requests) */
export function instrumentPrisma(provider: TracerProvider) {
  registerInstrumentations({ tracerProvider: provider, instrumentations: [new PrismaInstrumentation()] });
}

/** the tracer of the process from the environment, or null when tracing is off */
export function tracingFromEnv(env: NodeJS.ProcessEnv = process.env): Tracing | null {
  if (!env.OTEL_EXPORTER_OTLP_ENDPOINT && env.OTEL_TRACES !== 'on') return null;
  const provider = new NodeTracerProvider({ spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())] });
  provider.register();
  instrumentPrisma(provider);
  return { provider, document: env.OTEL_GRAPHQL_DOCUMENT === 'true' };
}

export function useTracing(tracing: Tracing): Plugin {
  const options = { document: tracing.document, variables: false, result: false, resolvers: false };
  return useOpenTelemetry(options, tracing.provider, SpanKind.SERVER, {}, 'dangjian-graphql') as Plugin;
}
