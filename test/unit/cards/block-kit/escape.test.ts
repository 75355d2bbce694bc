/**
 * Injection: user-typed and configured text must never become a mention, a link or formatting in
 * Slack. It is shown in plain_text, or in mrkdwn only after escapeMrkdwn.
 */
import { describe, expect, it } from 'vitest';
import {
  escapeMrkdwn,
  mrkdwnLink,
  truncateMrkdwn,
  ZERO_WIDTH_SPACE,
} from '../../../../cards/block-kit/escape.js';
import {
  renderSlackMessage,
  renderSlackModal,
  SLACK_SURFACES,
  slackFallbackText,
} from '../../../../cards/block-kit/render-slack.js';
import { HOSTILE, HOSTILE_VIEWS, SLACK_INJECTIONS } from './slack-fixtures.js';
import { allTexts } from './slack-walk.js';

/** Our own links: a configured https URL and an escaped label. Any other `<…>` is injected. */
const OWN_LINK = /<https:\/\/intranet\.example\.edu\/[^|<>\s]*\|[^<>]*>/g;

/** Mrkdwn problems: raw `<`/`>`, a bare `&`, or a formatting pair that Slack would render. */
function mrkdwnProblems(text: string): string[] {
  const problems: string[] = [];
  if (/[<>]/.test(text.replace(OWN_LINK, ''))) problems.push('raw < or >');
  if (/&(?!amp;|lt;|gt;)/.test(text)) problems.push('bare &');
  for (const pair of ['*bold*', '_it_', '~s~', '`code`'])
    if (text.includes(pair)) problems.push(`formatting ${pair}`);
  for (const injected of SLACK_INJECTIONS.slice(0, 4)) if (text.includes(injected)) problems.push(injected);
  return problems;
}

describe('escapeMrkdwn', () => {
  it('escapes &, < and > so mentions and links stay text', () => {
    expect(escapeMrkdwn('<!channel> <@U123ABC> a & b')).toBe('&lt;!channel&gt; &lt;@U123ABC&gt; a &amp; b');
    expect(escapeMrkdwn('&amp;')).toBe('&amp;amp;');
    expect(escapeMrkdwn('<https://evil.example|click>')).toBe('&lt;https://evil.example|click&gt;');
  });

  it('breaks formatting markers with zero-width spaces, leaving the visible text alone', () => {
    const escaped = escapeMrkdwn('*bold* _it_ ~s~ `code`');
    expect(escaped).not.toContain('*bold*');
    expect(escaped).not.toContain('_it_');
    expect(escaped.split(ZERO_WIDTH_SPACE).join('')).toBe('*bold* _it_ ~s~ `code`');
  });

  it('leaves markers inside words alone, so addresses copy out unchanged', () => {
    expect(escapeMrkdwn('export_control@example.edu a*b')).toBe('export_control@example.edu a*b');
  });

  it('mrkdwnLink escapes the label and keeps the URL from closing the link early', () => {
    expect(mrkdwnLink('https://x.example/a|b>', '<!here>')).toBe(
      '<https://x.example/a%7Cb%3E|&lt;!here&gt;>',
    );
  });

  it('truncateMrkdwn never leaves half an entity or half a link', () => {
    expect(truncateMrkdwn('abc &amp; def', 7)).toBe('abc…');
    expect(truncateMrkdwn('see <https://x.example|label> now', 12)).toBe('see…');
  });
});

describe('hostile views', () => {
  const cases = HOSTILE_VIEWS.flatMap((view) =>
    SLACK_SURFACES[view.kind].map((surface) => [`${view.kind} ${surface}`, view, surface] as const),
  );

  it.each(cases)('%s: no mrkdwn text carries an injection', (_, view, surface) => {
    const payload = surface === 'modal' ? renderSlackModal(view) : renderSlackMessage(view);
    const texts = allTexts(payload.blocks);
    const mrkdwn = texts.filter((t) => t.type === 'mrkdwn');
    for (const t of mrkdwn) expect(mrkdwnProblems(t.text), t.text).toEqual([]);
    // Every mrkdwn object is verbatim, so bare URLs and @-words are not auto-linked either.
    const json = JSON.stringify(payload.blocks);
    expect(json.match(/"type":"mrkdwn"/g)?.length ?? 0).toBe(json.match(/"verbatim":true/g)?.length ?? 0);
    // The hostile text is still shown, literally: as plain_text or as escaped mrkdwn.
    expect(
      texts.some(
        (t) =>
          (t.type === 'plain_text' && t.text.includes('<!channel>')) ||
          (t.type === 'mrkdwn' && t.text.includes('&lt;!channel&gt;')),
      ),
    ).toBe(true);
  });

  it.each(cases)('%s: the fallback text is escaped too (Slack parses it as mrkdwn)', (_, view) => {
    expect(mrkdwnProblems(slackFallbackText(view))).toEqual([]);
  });

  it('a non-web URL from config is not turned into a link', () => {
    const outcome = HOSTILE_VIEWS.find((v) => v.kind === 'outcome');
    if (!outcome) throw new Error('fixture missing');
    const mrkdwn = allTexts(renderSlackMessage(outcome).blocks)
      .filter((t) => t.type === 'mrkdwn')
      .map((t) => t.text)
      .join('\n');
    expect(mrkdwn.match(/<https:\/\/intranet\.example\.edu\/x\|/g)).toHaveLength(1);
    expect(mrkdwn).not.toContain('<https://evil');
    expect(HOSTILE).toContain('<https://evil.example|click>');
  });
});
