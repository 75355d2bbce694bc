/**
 * Renders a view model as an Adaptive Card for Teams: picks the template for `view.kind`, binds
 * the pre-computed template data with `adaptivecards-templating` and tidies the result. The output
 * is plain JSON, ready to send as an attachment or as the body of an `adaptiveCard/action` reply.
 */
import * as ACData from 'adaptivecards-templating';
import type { ViewKind, ViewModel } from '../../dialogs/views/view-model.js';
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

// Templates are parsed once; a Template instance can be expanded with any data, many times.
const compiled = new Map<ViewKind, ACData.Template>();

function compiledTemplate(kind: ViewKind): ACData.Template {
  let template = compiled.get(kind);
  if (template === undefined) {
    template = new ACData.Template(templateFor(kind));
    compiled.set(kind, template);
  }
  return template;
}

/** Drops `actions: []` left where every action had a false `$when` (some hosts reject it). */
function tidy(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(tidy);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'actions' && Array.isArray(value) && value.length === 0) continue;
    out[key] = tidy(value);
  }
  return out;
}

export function renderAdaptiveCard(view: ViewModel, options: RenderOptions = {}): AdaptiveCard {
  const data = templateData(view, options);
  const expanded: unknown = compiledTemplate(view.kind).expand({ $root: data });
  const card = tidy(expanded) as AdaptiveCard;
  if (card?.type !== 'AdaptiveCard' || !Array.isArray(card.body)) {
    throw new Error(`Template ${TEMPLATE_NAMES[view.kind]}.json did not expand to an Adaptive Card`);
  }
  return card;
}

/** Wraps a card for an activity's `attachments` (or an invoke response's card value). */
export function cardAttachment(card: AdaptiveCard): CardAttachment {
  return { contentType: 'application/vnd.microsoft.card.adaptive', content: card };
}
