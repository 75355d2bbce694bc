/**
 * Compiles an Adaptive Card template once into a tree of small functions that expands it exactly
 * as `adaptivecards-templating` 2.x `Template.expand` followed by `tidy` would, at a fraction of
 * the cost: the JSON is walked once here, subtrees without expressions are expanded ahead of time
 * (and shared, frozen, by every render, so no caller can change a cached card), and `${…}` strings are parsed
 * once by the library's own `Template.parseInterpolatedString`.
 *
 * The expansion rules below follow `template-engine.js` of the library, rule for rule (see
 * `expandObject`); `compile-template.test.ts` checks the result against the library byte for byte.
 * A template using a construct we do not mirror (a literal object or array as `$data`) is not
 * compiled: `compileTemplate` returns `undefined` and the caller uses the library as before.
 */
import * as AEL from 'adaptive-expressions';
import * as ACData from 'adaptivecards-templating';
import { freezeInPlace } from '../../dialogs/freeze.js';
import { compileExpression, type Evaluator, type Scope } from './template-expressions.js';

/** Expands a compiled template with `$root` data. */
export type CompiledTemplate = (root: unknown) => unknown;

type Expand = (scope: Scope) => unknown;

interface Compiled {
  expand: Expand;
  /** True when the node's expansion cannot depend on data (no expression, no `$when`/`$data`). */
  isStatic: boolean;
}

/** Keys the library never copies into the output (`EvaluationContext._reservedFields`). */
const RESERVED = new Set(['$data', '$when', '$root', '$index', '$host', '$_acTemplateVersion']);

class UnsupportedTemplate extends Error {}

/**
 * Drops `actions: []` left where every action had a false `$when` (some hosts reject it), and
 * copies everything else. Applied to values an expression returns; the compiled nodes apply the
 * same rule as they build objects.
 */
export function tidy(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(tidy);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (isEmptyActions(key, value)) continue;
    out[key] = tidy(value);
  }
  return out;
}

function isEmptyActions(key: string, value: unknown): boolean {
  return key === 'actions' && Array.isArray(value) && value.length === 0;
}

const isPlainValue = (value: unknown): boolean => value === null || typeof value !== 'object';

/** How the library evaluates a bound value: with `${path}` substitution, its own loop for a concat. */
function compileBinding(expression: AEL.Expression): Evaluator {
  if (expression.type !== AEL.ExpressionType.Concat) return compileExpression(expression);
  const parts = expression.children.map((child) => ({ child, evaluate: compileExpression(child) }));
  return (scope) => {
    let text = '';
    for (const { child, evaluate } of parts) {
      let result: { value: unknown; error?: unknown };
      try {
        result = evaluate(scope, true);
      } catch (error) {
        result = { value: undefined, error };
      }
      // As the library: a failing part shows as its source; `toString` throws on null like it does.
      const value = result.error ? `\${${child.toString()}}` : result.value;
      text += (value as { toString(): string }).toString();
    }
    return { value: text };
  };
}

function bindingValue(evaluate: Evaluator, scope: Scope): unknown {
  const { value, error } = evaluate(scope, true);
  if (error) throw new Error(error);
  return value;
}

function compileString(text: string): Compiled {
  const parsed = ACData.Template.parseInterpolatedString(text);
  if (typeof parsed === 'string') return { expand: () => parsed, isStatic: true };
  const evaluate = compileBinding(parsed);
  return {
    expand: (scope) => {
      const value = bindingValue(evaluate, scope);
      return isPlainValue(value) ? value : tidy(value);
    },
    isStatic: false,
  };
}

function compileArray(items: readonly unknown[]): Compiled {
  const compiled = items.map(compileNode);
  return {
    expand: (scope) => {
      const out: unknown[] = [];
      for (const item of compiled) {
        const value = item.expand(scope);
        if (value === null) continue;
        if (!Array.isArray(value)) out.push(value);
        else for (const each of value) out.push(each);
      }
      return out;
    },
    isStatic: compiled.every((item) => item.isStatic),
  };
}

/** `$data`: an expression, or a literal the library would use as it is (primitives only here). */
function compileData(data: unknown): ((scope: Scope) => unknown) | undefined {
  if (data === undefined) return undefined;
  if (typeof data === 'string') {
    const parsed = ACData.Template.parseInterpolatedString(data);
    if (typeof parsed === 'string') return () => parsed;
    const evaluate = compileBinding(parsed);
    return (scope) => bindingValue(evaluate, scope);
  }
  if (!isPlainValue(data)) throw new UnsupportedTemplate('literal $data');
  return () => data;
}

/** `$when`: an expression, or a literal: any truthy non-expression drops the object, as in the library. */
function compileWhen(when: unknown): Evaluator | boolean {
  const parsed = typeof when === 'string' ? ACData.Template.parseInterpolatedString(when) : when;
  return parsed instanceof AEL.Expression ? compileExpression(parsed) : !parsed;
}

function compileObject(node: Record<string, unknown>): Compiled {
  const keys = Object.keys(node);
  if (keys.includes('__proto__')) throw new UnsupportedTemplate('__proto__ key');
  const names = keys.filter((key) => !RESERVED.has(key));
  const fields = names.map((key) => compileNode(node[key]));
  const data = compileData(node.$data);
  const when = node.$when === undefined ? true : compileWhen(node.$when);

  const expandFields = (scope: Scope): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (let i = 0; i < names.length; i++) {
      const key = names[i] as string;
      const value = (fields[i] as Compiled).expand(scope);
      if (value !== undefined && !isEmptyActions(key, value)) out[key] = value;
    }
    return out;
  };

  // `internalExpand` for an object: `$data` is evaluated in the outer scope; an array repeats the
  // object with `$index`; an undefined item keeps the previous `$data`; `$when` is evaluated per
  // item without substitution and only a boolean `true` keeps it; no copy gives null, one copy
  // the object, several an array (which an enclosing array splices in).
  const expandObject = (scope: Scope): unknown => {
    if (data === undefined && when === true) return expandFields(scope);
    const context = data === undefined ? undefined : data(scope);
    const contexts = Array.isArray(context) ? context : [context];
    const results: unknown[] = [];
    let current = scope;
    for (let i = 0; i < contexts.length; i++) {
      const item: unknown = contexts[i];
      if (Array.isArray(context) || item !== undefined) {
        current = {
          root: scope.root,
          data: item === undefined ? current.data : item,
          index: Array.isArray(context) ? i : current.index,
          host: scope.host,
        };
      }
      let keep = when === true;
      if (typeof when === 'function') {
        const { value, error } = when(current, false);
        keep = !error && value === true;
      }
      if (keep) results.push(expandFields(current));
    }
    if (results.length === 0) return null;
    return results.length === 1 ? results[0] : results;
  };

  return {
    expand: expandObject,
    isStatic: data === undefined && when === true && fields.every((field) => field.isStatic),
  };
}

const NO_SCOPE: Scope = { root: undefined, data: undefined, index: undefined, host: undefined };

function compileNode(node: unknown): Compiled {
  let compiled: Compiled;
  if (typeof node === 'string') compiled = compileString(node);
  else if (Array.isArray(node)) compiled = compileArray(node);
  else if (node !== null && typeof node === 'object')
    compiled = compileObject(node as Record<string, unknown>);
  else return { expand: () => node, isStatic: true };
  if (!compiled.isStatic) return compiled;
  // Expanded once, now, and shared by every render: frozen, so no caller can change the cached
  // card (copying it per render was a third of the rendering time). Cards are only serialised.
  const value = freezeInPlace(compiled.expand(NO_SCOPE));
  return { expand: () => value, isStatic: true };
}

/**
 * Compiles `payload` (a template with partials resolved); `undefined` when it uses a construct
 * this compiler does not mirror, so the caller falls back to `adaptivecards-templating`.
 */
export function compileTemplate(payload: unknown): CompiledTemplate | undefined {
  try {
    const { expand } = compileNode(payload);
    return (root) => expand({ root, data: root, index: undefined, host: undefined });
  } catch (error) {
    if (error instanceof UnsupportedTemplate) return undefined;
    throw error;
  }
}
