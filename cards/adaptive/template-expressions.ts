/**
 * Evaluates the `${…}` expressions of a compiled card template with exactly the semantics
 * `adaptivecards-templating` 2.x gives them, but without its per-call cost. The expressions are
 * parsed once, by the library's own `Template.parseInterpolatedString`, and turned into small
 * evaluator functions here.
 *
 * What the library does on every evaluation, and why we can skip it: it builds a new
 * `TemplateObjectMemory` and `Options`, then the `adaptive-expressions` accessor rebuilds the path
 * string (`tryAccumulatePath`: string concatenation and two regex replaces), and
 * `SimpleObjectMemory.getValue` splits that path with another regex. For the shapes our templates
 * use (a property path, `!path`, `path == 'constant'`, constants) the path is known when the
 * template is compiled, so it is split once and walked directly. Every other shape (functions,
 * `$index` arithmetic, `a[b]` ...) is evaluated by `adaptive-expressions` itself through a memory
 * that behaves like the library's. `compile-template.test.ts` checks both paths against the
 * library, byte for byte, so a dependency upgrade that changes these rules turns a test red.
 */
import * as AEL from 'adaptive-expressions';
import * as ACData from 'adaptivecards-templating';

/** The evaluation context the library keeps while expanding: `$root`, `$data`, `$index`, `$host`. */
export interface Scope {
  readonly root: unknown;
  /** `$data`; the library falls back to `$root` while no `$data` has been set. */
  readonly data: unknown;
  readonly index: number | undefined;
  readonly host: unknown;
}

export interface EvaluationResult {
  value: unknown;
  error?: string | undefined;
}

/** Evaluates with (`substitute`) or without the library's `${path}` substitution of undefined values. */
export type Evaluator = (scope: Scope, substitute: boolean) => EvaluationResult;

// `$_acTemplateVersion` as the library reports it, taken from the library once rather than rebuilt
// (the library makes a new one per expansion: lookups hand out copies).
const TEMPLATE_VERSION = new ACData.Template({
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template expression, for the library
  v: '${$_acTemplateVersion}',
}).expand({ $root: {} }).v as Record<string, unknown>;

// What the library substitutes for an undefined value when substitutions are allowed.
function nullSubstitution(path: string): string {
  const custom = ACData.GlobalSettings.getUndefinedFieldValueSubstitutionString?.(path);
  return custom ? custom : `\${${path}}`;
}

const SUBSTITUTING = new AEL.Options();
SUBSTITUTING.nullSubstitution = nullSubstitution;
const PLAIN = new AEL.Options();

/** A path part, with what the library computes from it on every lookup computed once. */
interface PathPart {
  readonly name: string;
  readonly lower: string;
  /** `parseInt(name)` without a radix, as the library reads it ("0x1" is 1); NaN for a name. */
  readonly index: number;
}

/** A split memory path: which field of the library's memory object it starts at, then the rest. */
interface MemoryPath {
  readonly start: 'root' | 'data' | 'index' | 'host' | 'version' | undefined;
  readonly rest: readonly PathPart[];
}

// The library's memory object has exactly these keys (matched case-insensitively) besides its own
// `_memory`, which no path can reach: a path not starting with `$` is read from `$data`.
const STARTS: Record<string, MemoryPath['start']> = {
  $root: 'root',
  $data: 'data',
  $index: 'index',
  $host: 'host',
  $_actemplateversion: 'version',
};

const PATH_SEPARATORS = /[.[\]]+/;
const memoryPaths = new Map<string, MemoryPath | undefined>();

/** `TemplateObjectMemory.getValue` + `SimpleObjectMemory.getValue`'s split, cached per path. */
function memoryPath(path: string): MemoryPath | undefined {
  if (memoryPaths.has(path)) return memoryPaths.get(path);
  const parts = (path[0] === '$' ? path : `$data.${path}`)
    .split(PATH_SEPARATORS)
    .filter((u) => u !== '')
    .map((u) =>
      (u.startsWith('"') && u.endsWith('"')) || (u.startsWith("'") && u.endsWith("'")) ? u.slice(1, -1) : u,
    );
  const [first, ...rest] = parts;
  const start = first?.toLowerCase();
  const parsed: MemoryPath | undefined =
    start === undefined
      ? undefined
      : {
          start: Object.hasOwn(STARTS, start) ? STARTS[start] : undefined,
          rest: rest.map((name) => ({
            name,
            lower: name.toLowerCase(),
            // biome-ignore lint/correctness/useParseIntRadix: the library reads "0x1" as 1, so must we
            index: Number.parseInt(name),
          })),
        };
  // Paths come from templates (bounded); only an `a[b]` expression makes them data-dependent.
  if (memoryPaths.size > 10_000) memoryPaths.clear();
  memoryPaths.set(path, parsed);
  return parsed;
}

/** `InternalFunctionUtils.accessProperty`: case-insensitive, the first matching key wins. */
function accessProperty(instance: unknown, part: PathPart): unknown {
  if (!instance) return undefined;
  if (instance instanceof Map) {
    const value: unknown = instance.get(part.name);
    if (value !== undefined) return value;
    const key = Array.from(instance.keys()).find((k) => (k as string).toLowerCase() === part.lower);
    return key === undefined ? undefined : instance.get(key);
  }
  const record = instance as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (key === part.name || key.toLowerCase() === part.lower) return record[key];
  }
  return undefined;
}

/** Reads a split path from the scope, as `SimpleObjectMemory.getValue` over the library's memory. */
function lookupMemoryPath(scope: Scope, path: MemoryPath | undefined): unknown {
  if (path === undefined) return undefined;
  let value: unknown;
  switch (path.start) {
    case 'root':
      value = scope.root;
      break;
    case 'data':
      value = scope.data;
      break;
    case 'index':
      value = scope.index;
      break;
    case 'host':
      value = scope.host;
      break;
    case 'version':
      value = { ...TEMPLATE_VERSION };
      break;
    default:
      return undefined;
  }
  for (const part of path.rest) {
    if (!Number.isNaN(part.index) && Array.isArray(value)) {
      // `accessIndex`: out of range is an error, and an error ends the lookup with undefined.
      if (part.index < 0 || part.index >= value.length) return undefined;
      value = value[part.index];
    } else {
      value = accessProperty(value, part);
    }
  }
  return value;
}

export function lookupPath(scope: Scope, path: string): unknown {
  return path.length === 0 ? undefined : lookupMemoryPath(scope, memoryPath(path));
}

/** A memory for `adaptive-expressions` shaped like the library's `TemplateObjectMemory`. */
class TemplateMemory implements AEL.MemoryInterface {
  readonly _memory: AEL.SimpleObjectMemory;
  readonly $root: unknown;
  readonly $data: unknown;
  readonly $index: number | undefined;
  readonly $host: unknown;
  readonly $_acTemplateVersion: unknown = { ...TEMPLATE_VERSION };
  // A private field: not one of the object's keys, which the library's memory walks.
  readonly #scope: Scope;

  constructor(scope: Scope) {
    this.#scope = scope;
    this._memory = new AEL.SimpleObjectMemory(this);
    this.$root = scope.root;
    this.$data = scope.data;
    this.$index = scope.index;
    this.$host = scope.host;
  }

  getValue(path: string): unknown {
    return lookupPath(this.#scope, path);
  }

  setValue(path: string, value: unknown): void {
    this._memory.setValue(path, value);
  }

  version(): string {
    return this._memory.version();
  }
}

/** The dotted path of an accessor chain of constant names (`a.b.c`), as the library builds it. */
function accessorPath(expression: AEL.Expression): string | undefined {
  const names: string[] = [];
  let node: AEL.Expression | undefined = expression;
  while (node !== undefined) {
    if (node.type !== AEL.ExpressionType.Accessor) return undefined;
    const name = node.children[0];
    if (!(name instanceof AEL.Constant) || typeof name.value !== 'string') return undefined;
    if (node.children.length > 2) return undefined;
    names.unshift(name.value);
    node = node.children[1];
  }
  // `tryAccumulatePath` then strips trailing dots and turns `.[` into `[`.
  return names.join('.').replace(/\.*$/, '').replace(/\.\[/g, '[');
}

/** Everything else: `adaptive-expressions` evaluates it over a library-shaped memory. */
function generic(expression: AEL.Expression): Evaluator {
  return (scope, substitute) =>
    expression.tryEvaluate(new TemplateMemory(scope), substitute ? SUBSTITUTING : PLAIN);
}

/**
 * Compiles a parsed expression. Mirrors, shape by shape, the `adaptive-expressions` 4.x
 * evaluators: `Constant`; `Accessor` (`wrapGetValue`: substitute only `undefined`); `Not` (child
 * without substitution, an error counts as false, `isLogicTrue`); `==` (`ComparisonEvaluator`:
 * children without substitution, an error makes it false, then `FunctionUtils.commonEquals`).
 */
export function compileExpression(expression: AEL.Expression): Evaluator {
  if (expression instanceof AEL.Constant) {
    const value: unknown = expression.value;
    return () => ({ value });
  }
  const path = accessorPath(expression);
  if (path !== undefined && path !== '') {
    const parts = memoryPath(path);
    return (scope, substitute) => {
      const value = lookupMemoryPath(scope, parts);
      return { value: value === undefined && substitute ? nullSubstitution(path) : value };
    };
  }
  const [first, second] = expression.children;
  if (expression.type === AEL.ExpressionType.Not && expression.children.length === 1 && first) {
    const operand = compileExpression(first);
    return (scope) => {
      const { value, error } = operand(scope, false);
      if (error) return { value: true };
      return { value: !(typeof value === 'boolean' ? value : value != null) };
    };
  }
  if (expression.type === AEL.ExpressionType.Equal && expression.children.length === 2 && first && second) {
    const left = compileExpression(first);
    const right = compileExpression(second);
    return (scope) => {
      const a = left(scope, false);
      if (a.error) return { value: false };
      const b = right(scope, false);
      if (b.error) return { value: false };
      try {
        return { value: AEL.FunctionUtils.commonEquals(a.value, b.value) };
      } catch (e) {
        // As `ComparisonEvaluator`: the message (if any) becomes the error.
        return { value: false, error: (e as { message?: string }).message };
      }
    };
  }
  return generic(expression);
}
