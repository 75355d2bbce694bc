/**
 * Hostile input generators shared by the fuzz suites: strings with control characters, unicode,
 * prototype keys and oversized text; JSON-like trees with those keys; and random mutations of a
 * valid configuration object (delete keys, replace values, duplicate entries).
 */
import fc from 'fast-check';

/** One seed for every fuzz suite, so CI runs are reproducible (override with FUZZ_SEED). */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20260601);

export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];

const NASTY = [
  '',
  ' ',
  '\u0000',
  '\r\n',
  '\n{"level":50,"msg":"forged"}',
  '\u2028\u2029',
  '\u001b[31mred\u001b[0m',
  '<!channel>',
  '<at>riskcheck</at> help',
  '\uD800',
  '\uFEFF',
  'a,b,,c',
  '2026-02-30',
  'NaN',
  'null',
  '{}',
  '[]',
  ...PROTOTYPE_KEYS,
];

/** A string of up to `max` characters, sometimes one repeated character (cheap huge strings). */
export function hugeString(max: number): fc.Arbitrary<string> {
  return fc
    .tuple(fc.nat({ max }), fc.constantFrom('x', 'é', '\u0007', '😀', ',', '\n'))
    .map(([n, c]) => c.repeat(Math.max(1, Math.floor(n / c.length))));
}

/** Strings a hostile client could send; `huge` bounds the oversized ones. */
export function hostileString(huge = 5_000, extra: readonly string[] = []): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...NASTY, ...extra) },
    { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
    { weight: 1, arbitrary: hugeString(huge) },
  );
}

export const hostileKey = (extra: readonly string[] = []) =>
  fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS, ...extra), fc.string({ unit: 'binary', maxLength: 12 }));

const leaf = (huge: number, extra: readonly string[]) =>
  fc.oneof(
    hostileString(huge, extra),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
  );

/**
 * JSON-like values (what `JSON.parse` can produce, including own `__proto__` keys), nested up to
 * `depth` levels. `extra` adds known strings (verbs, ids) so some input gets past the first check.
 */
export function hostileJson(options: { depth?: number; huge?: number; extra?: readonly string[] } = {}) {
  const { depth = 4, huge = 5_000, extra = [] } = options;
  return fc.letrec<{ node: unknown }>((tie) => ({
    node: fc.oneof(
      { maxDepth: depth, depthIdentifier: 'hostile-json' },
      leaf(huge, extra),
      fc.array(tie('node'), { maxLength: 4 }),
      fc
        .array(fc.tuple(hostileKey(extra), tie('node')), { maxLength: 5 })
        .map((entries) => Object.fromEntries(entries)),
    ),
  })).node;
}

/** A JSON object (never an array or a primitive) with hostile keys and values. */
export function hostileObject(options: Parameters<typeof hostileJson>[0] = {}) {
  return fc
    .array(fc.tuple(hostileKey(options.extra), hostileJson(options)), { maxLength: 6 })
    .map((entries) => Object.fromEntries(entries) as Record<string, unknown>);
}

export interface Mutation {
  /** Picks a node: each number chooses a child (modulo the number of children). */
  path: number[];
  op: 'delete' | 'replace' | 'duplicate';
  replacement: unknown;
}

export function mutations(extra: readonly string[] = []): fc.Arbitrary<Mutation[]> {
  const mutation = fc.record({
    path: fc.array(fc.nat(), { minLength: 1, maxLength: 7 }),
    op: fc.constantFrom('delete', 'replace', 'duplicate') as fc.Arbitrary<Mutation['op']>,
    replacement: hostileJson({ depth: 3, huge: 3_000, extra }),
  });
  return fc.array(mutation, { minLength: 1, maxLength: 4 });
}

/** Applies mutations to a copy of `input`; the input itself is never changed. */
export function mutate(input: unknown, changes: readonly Mutation[]): unknown {
  const root = { value: structuredClone(input) as unknown };
  for (const change of changes) {
    let parent: any = root;
    let key: string | number = 'value';
    for (const step of change.path) {
      const node = parent[key];
      if (node === null || typeof node !== 'object') break;
      const keys: (string | number)[] = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
      if (keys.length === 0) break;
      parent = node;
      key = keys[step % keys.length]!;
    }
    if (change.op === 'replace') parent[key] = change.replacement;
    else if (change.op === 'delete') {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
    } else if (Array.isArray(parent)) parent.push(structuredClone(parent[key as number]));
    else if (parent !== root) parent[`${String(key)}_copy`] = structuredClone(parent[key]);
  }
  return root.value;
}
