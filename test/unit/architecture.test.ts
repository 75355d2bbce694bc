/**
 * Keeps the dependency direction of the design: `dialogs/` is the pure core (zod only) and
 * `cards/` renders views without touching platforms, storage or the file system at run time.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1] ?? '');
}

/** Specifiers of `import type … from` statements: erased at compile time, nothing runs. */
function typeOnlyImportsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/import\s+type\s[^;]*?from\s*['"]([^'"]+)['"]/g)].map((m) => m[1] ?? '');
}

/** Imports that run, except Block Kit types: `import type` from @slack/types is only types. */
function cardRuntimeImportsOf(file: string): string[] {
  const specs = importsOf(file);
  for (const spec of typeOnlyImportsOf(file).filter((s) => s === '@slack/types')) {
    specs.splice(specs.indexOf(spec), 1);
  }
  return specs;
}

const PLATFORM_OR_IO = [
  /^@microsoft\//,
  /^@slack\//,
  /^lowdb/,
  /^express/,
  /^pino/,
  /^croner/,
  /^node:/,
  /^fs$/,
  /^http$/,
];

describe('architecture', () => {
  it('dialogs/ imports nothing but zod and its own files', () => {
    const offenders = sourceFiles('dialogs').flatMap((file) =>
      importsOf(file)
        .filter((spec) => !(spec === 'zod' || spec.startsWith('./') || spec.startsWith('../')))
        .map((spec) => `${file} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('dialogs/ never reaches outside itself with relative imports', () => {
    const offenders = sourceFiles('dialogs').flatMap((file) =>
      importsOf(file)
        .filter(
          (spec) =>
            spec.startsWith('.') && relative('dialogs', resolve(dirname(file), spec)).startsWith('..'),
        )
        .map((spec) => `${file} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('cards/ imports no platform SDK, store, web server or node built-in', () => {
    const offenders = sourceFiles('cards').flatMap((file) =>
      cardRuntimeImportsOf(file)
        .filter((spec) => PLATFORM_OR_IO.some((pattern) => pattern.test(spec)))
        .map((spec) => `${file} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('storage/ never imports the bot, the cards or a chat platform', () => {
    const offenders = sourceFiles('storage').flatMap((file) =>
      importsOf(file)
        .filter(
          (spec) =>
            /^@microsoft\/|^@slack\/|^express/.test(spec) ||
            (spec.startsWith('.') && /^(bot|cards)\//.test(relative('.', resolve(dirname(file), spec)))),
        )
        .map((spec) => `${file} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });
});
