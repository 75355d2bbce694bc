/**
 * `npm run build`: bundles the bot with esbuild into dist/bot/main.js (plus one chunk per
 * platform channel, still loaded only when that platform is enabled, and a shared chunk).
 *
 * Why a bundle rather than tsc's one file per module: node 20 has no compile cache, and loading
 * the code (our modules and the SDKs' several hundred files, each resolved, read and compiled on
 * its own) took about 1.2 s of start-up with both platforms; one file per chunk saves about 0.5 s
 * of it on this project's 2-core machines (docs/benchmarks.md, finding 17). The benchmark builds
 * its servers with the same options, so it measures what production runs.
 */
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type BuildOptions, build } from 'esbuild';

/**
 * The SDKs are CommonJS; in an ES module bundle their `require` of node's own modules needs a
 * real `require`, made here once per output file.
 */
const REQUIRE_SHIM =
  "import { createRequire as __riskcheckRequire } from 'node:module';\nconst require = __riskcheckRequire(import.meta.url);";

export function bundleOptions(entryPoints: Record<string, string>, outdir: string): BuildOptions {
  return {
    entryPoints,
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Whitespace and syntax only: function and class names stay readable in logged stack traces;
    // `node --enable-source-maps` maps them back to the TypeScript with the .map files.
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: true,
    chunkNames: 'chunks/[name]-[hash]',
    banner: { js: REQUIRE_SHIM },
    // Optional peers of the Agents SDK's telemetry, required inside a try: resolved from
    // node_modules at run time if an operator installs them, skipped quietly if not.
    external: ['@opentelemetry/*'],
    // Bolt loads its Socket Mode client (and undici with it) whether or not it is used; riskcheck
    // receives Slack over HTTP only (finding 17).
    alias: {
      '@slack/socket-mode': fileURLToPath(new URL('./bundle-stubs/slack-socket-mode.cjs', import.meta.url)),
    },
    logLevel: 'warning',
  };
}

async function main(): Promise<void> {
  // Chunk names carry a hash: an earlier build's chunks would otherwise stay beside the new ones.
  await rm('dist', { recursive: true, force: true });
  await build(bundleOptions({ main: 'bot/main.ts' }, 'dist/bot'));
  console.log('Wrote dist/bot/main.js; run it with `npm run start:prod`.');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
