/** Template rules checked on the JSON itself, before any data is bound. */
import { describe, expect, it } from 'vitest';
import { resolvePartials, TEMPLATE_NAMES, templateFor } from '../../../../cards/adaptive/templates.js';
import type { ViewKind } from '../../../../dialogs/views/view-model.js';
import { allObjects, ofType } from './card-walk.js';

const KINDS = Object.keys(TEMPLATE_NAMES) as ViewKind[];

describe.each(KINDS)('template for %s', (kind) => {
  const template = templateFor(kind);

  it('binds data only into TextRuns, never into a TextBlock (TextBlock parses markdown)', () => {
    const bound = ofType(template, 'TextBlock').filter((block) => String(block.text).includes('${'));
    expect(bound).toEqual([]);
  });

  it('has every partial resolved', () => {
    expect(allObjects(template).filter(({ node }) => '$partial' in node)).toEqual([]);
  });

  it('declares schema version 1.5', () => {
    expect(template).toMatchObject({
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      type: 'AdaptiveCard',
      version: '1.5',
    });
  });
});

describe('resolvePartials', () => {
  it('merges placeholder properties over the fragment', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal template expression is the test input
    const resolved = resolvePartials({ items: [{ $partial: 'support-item', $data: '${support}' }] });
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal template expression is the test input
    expect(resolved).toMatchObject({ items: [{ type: 'Container', $data: '${support}' }] });
  });

  it('fails loudly on an unknown partial', () => {
    expect(() => resolvePartials({ $partial: 'nope' })).toThrow(/Unknown Adaptive Card partial "nope"/);
  });
});
