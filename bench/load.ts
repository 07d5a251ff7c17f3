// The load loop and the table printer the benchmarks share.

/** `concurrency` clients calling `request` for `durationMs`: req/s and a percentile function (ms) */
export async function load(request: () => Promise<unknown>, durationMs: number, concurrency: number) {
  const latencies: number[] = [];
  const end = performance.now() + durationMs;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        await request();
        latencies.push(performance.now() - t0);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return {
    perSecond: latencies.length / (durationMs / 1000),
    percentile: (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))]!,
  };
}

/** prints rows as a table, the first column left-aligned */
export function printTable(rows: string[][]) {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const r of rows)
    console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '));
}
