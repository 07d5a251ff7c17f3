// The kernel/module boundary (npm run check:boundaries, run in CI). A module imports the kernel only through
// its public kit (src/kit/index.ts) and another module only through that module's index.ts; the kernel
// never imports a module. Which modules a module may import is checked against `dependsOn` by
// test/core/boundaries.test.ts.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'kernel-imports-no-module',
      comment: 'src/ never imports a module: the entry points hand createApp() the list of modules',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^modules/' },
    },
    {
      name: 'module-uses-the-kit-only',
      comment: 'a module imports the kernel (and the generated Prisma client) only through src/kit/index.ts',
      severity: 'error',
      from: { path: '^modules/' },
      to: { path: '^(src/|generated/)', pathNot: '^src/kit/index\\.ts$' },
    },
    {
      name: 'no-other-module-internals',
      comment: "another module is reached through its index.ts only (and only when declared in dependsOn)",
      severity: 'error',
      from: { path: '^modules/([^/]+)/' },
      to: { path: '^modules/[^/]+/', pathNot: ['^modules/$1/', '^modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'no-unresolvable',
      comment: 'an import that does not resolve cannot be checked',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: ['node_modules', '^generated/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
