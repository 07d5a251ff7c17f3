import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql 16 ships CJS and ESM builds; Node (and so Pothos and Yoga) loads the CJS one. Point the
    // project's own imports at the same file, or `instanceof GraphQLError` fails across the two copies.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // each file gets its own database; files run in parallel on separate workers
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
