/**
 * Renders a view model as an Adaptive Card for Teams: picks the template for `view.kind`, binds
 * the pre-computed template data with `adaptivecards-templating` semantics and tidies the result.
 * The output is plain JSON, ready to send as an attachment or as the body of an
 * `adaptiveCard/action` reply.
 */
import * as ACData from 'adaptivecards-templating';
import type { ViewKind, ViewModel } from '../../dialogs/views/view-model.js';
import { type CompiledTemplate, compileTemplate, tidy } from './compile-template.js';
import { templateData } from './template-data.js';
import { TEMPLATE_NAMES, templateFor } from './templates.js';

/** A card element, action or input as JSON; only `type` is common to all of them. */
export interface CardElement {
  type: string;
  [key: string]: unknown;
}

/** An expanded Adaptive Card (schema 1.5 at most, the highest Teams renders). */
export interface AdaptiveCard {
  $schema: string;
  type: 'AdaptiveCard';
  version: string;
  body: CardElement[];
  actions?: CardElement[];
  [key: string]: unknown;
}

export interface CardAttachment {
  contentType: 'application/vnd.microsoft.card.adaptive';
  content: AdaptiveCard;
}

export interface RenderOptions {
  /** Current time (ISO 8601); enables "3 days ago" hints on drafts. */
  now?: string;
  /** Locale for month names in dates; defaults to en-GB. */
  locale?: string;
  /** IANA time zone for dates; defaults to UTC. */
  timeZone?: string;
}

/**
 * Expands a template with `$root` data and tidies it. Compiled once per view kind (see
 * compile-template.ts: `Template.expand` spends most of a Teams turn's own CPU re-walking the
 * template and rebuilding evaluation state per expression); a template the compiler does not
 * mirror falls back to the library itself, with the same result.
 */
type Expander = (root: object) => unknown;

const expanders = new Map<ViewKind, Expander>();

function libraryExpander(template: unknown): Expander {
  const compiled = new ACData.Template(template);
  return (root) => tidy(compiled.expand({ $root: root }));
}

function expanderFor(kind: ViewKind): Expander {
  let expander = expanders.get(kind);
  if (expander === undefined) {
    const template = templateFor(kind);
    const compiled: CompiledTemplate | undefined = compileTemplate(template);
    expander = compiled ?? libraryExpander(template);
    expanders.set(kind, expander);
  }
  return expander;
}

export function renderAdaptiveCard(view: ViewModel, options: RenderOptions = {}): AdaptiveCard {
  const data = templateData(view, options);
  const card = expanderFor(view.kind)(data) as AdaptiveCard;
  if (card?.type !== 'AdaptiveCard' || !Array.isArray(card.body)) {
    throw new Error(`Template ${TEMPLATE_NAMES[view.kind]}.json did not expand to an Adaptive Card`);
  }
  return card;
}

/** Wraps a card for an activity's `attachments` (or an invoke response's card value). */
export function cardAttachment(card: AdaptiveCard): CardAttachment {
  return { contentType: 'application/vnd.microsoft.card.adaptive', content: card };
}
