/**
 * Data care over HTTP against the real server: exports by the International Office and heads of
 * department as single-use download links, refusals audited, erasure of one person checked in
 * the files on disk, and retention of old decided assessments.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyRetention } from '../../bot/data-care/retention.js';
import { type Harness, startHarness } from '../helpers/bot-harness.js';
import { actionWith, textOf } from '../helpers/card-reader.js';
import { GPH_CHANNEL, messageActivity, type TeamsUser, USERS } from '../helpers/teams-activities.js';
import {
  type AnswerPlan,
  answerAll,
  completeRiskcheck,
  linkGphChannel,
  press,
} from '../helpers/teams-journey.js';

const PUBLIC_URL = 'http://riskcheck.test';
const plan = (title: string, department = 'gph'): AnswerPlan => ({
  title,
  partner_name: 'Partner University',
  partner_country: 'NO',
  collaboration_type: 'research',
  stage: 'ending',
  department,
});

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ publicUrl: PUBLIC_URL });
});
afterEach(async () => {
  await h.close();
});

/** Types `text` in the user's personal chat and returns the text of the bot's reply card. */
async function say(user: TeamsUser, text: string): Promise<string> {
  const response = await h.post('/api/messages', messageActivity(h.connector.url, user, text));
  expect(response.status).toBe(200);
  const reply = h.connector.calls.at(-1)!;
  return textOf(h.connector.cardsOf(reply)[0]);
}

async function submitAndDecide(user: TeamsUser, title: string, comment: string) {
  const { sessionId } = await completeRiskcheck(h, user, plan(title));
  const posts = h.connector.callsTo(GPH_CHANNEL).filter((c) => c.kind === 'post');
  const card = h.connector.cardsOf(posts.at(-1)!)[0]!;
  const pause = actionWith(card, 'riskcheck.decide', (a) => a.data.decision === 'pause_review');
  const decided = await press(h, USERS.alex, 'riskcheck.decide', { ...pause.data, comment });
  expect(textOf(decided.card)).toMatch(/Pause and review/);
  return sessionId;
}

function linkIn(text: string): string {
  const match = /http:\/\/riskcheck\.test(\/exports\/[A-Za-z0-9_-]{43})/.exec(text);
  if (!match) throw new Error(`no export link in: ${text}`);
  return match[1]!;
}

const download = (path: string, method = 'GET') => fetch(`${h.bot.url}${path}`, { method });

const dataFile = (name: string) => readFile(join(h.dataDir, name), 'utf8');

describe('riskcheck export', () => {
  it('gives the International Office CSV and JSON once each, and never after 15 minutes', async () => {
    await linkGphChannel(h);
    await submitAndDecide(USERS.lynne, 'Field study, "phase 2"', 'Check the agreement');
    await completeRiskcheck(h, USERS.megan, plan('=HYPERLINK("http://evil.example")', 'meb'));

    const csvPath = linkIn(await say(USERS.patti, 'riskcheck export csv'));
    expect((await download(csvPath, 'HEAD')).status).toBe(404);
    const csv = await download(csvPath);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(csv.headers.get('content-disposition')).toMatch(
      /^attachment; filename="riskcheck-all-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(csv.headers.get('cache-control')).toBe('no-store');
    const body = await csv.text();
    expect(body.split('\r\n')[0]).toMatch(/^id,department,title,partner,country,/);
    expect(body).toContain('"Field study, ""phase 2"""');
    expect(body).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(body).toContain('pause_review,Alex Wilber');
    expect((await download(csvPath)).status).toBe(404);

    const jsonPath = linkIn(await say(USERS.patti, 'riskcheck export json gph'));
    const json = await download(jsonPath);
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
    const doc = (await json.json()) as {
      assessments: { departmentId: string }[];
      decisions: unknown[];
      audit: unknown[];
    };
    expect(doc.assessments.map((a) => a.departmentId)).toEqual(['gph']);
    expect(doc.decisions).toEqual([
      expect.objectContaining({ value: 'pause_review', comment: 'Check the agreement' }),
    ]);
    expect(doc.audit.length).toBeGreaterThan(0);

    const laterPath = linkIn(await say(USERS.patti, 'riskcheck export json'));
    h.clock.advance(16 * 60 * 1000);
    const expired = await download(laterPath);
    expect(expired.status).toBe(404);
    expect(await expired.json()).toEqual({ error: 'Not found' });
    expect((await download('/exports/not-a-token')).status).toBe(404);

    const audit = await h.bot.deps.store.listAudit();
    expect(audit.filter((e) => e.action === 'export.created')).toHaveLength(3);
    expect(audit.filter((e) => e.action === 'export.downloaded')).toHaveLength(2);
  });

  it('lets a head export their own department only, and refuses and audits everyone else', async () => {
    await completeRiskcheck(h, USERS.lynne, plan('GPH study'));
    await completeRiskcheck(h, USERS.megan, plan('MEB study', 'meb'));

    const own = await download(linkIn(await say(USERS.alex, 'riskcheck export csv gph')));
    const ownBody = await own.text();
    expect(ownBody).toContain('GPH study');
    expect(ownBody).not.toContain('MEB study');

    expect(await say(USERS.alex, 'riskcheck export csv meb')).toMatch(/Not allowed/);
    const outsider = await say(USERS.lynne, 'riskcheck export json');
    expect(outsider).toMatch(/Not allowed/);
    expect(outsider).not.toContain('/exports/');
    expect(await say(USERS.lynne, 'riskcheck export gph')).toMatch(/Not allowed/);
    // Naming someone else in the text changes nothing: identity comes from the activity.
    expect(await say(USERS.lynne, `riskcheck export ${USERS.patti.aadObjectId}`)).not.toContain('/exports/');

    const refusals = await h.bot.deps.store.listAudit({ action: 'export.refused' });
    expect(refusals.map((e) => [e.actor, e.subject])).toEqual([
      [`teams:${USERS.alex.aadObjectId}`, 'meb'],
      [`teams:${USERS.lynne.aadObjectId}`, 'organisation'],
      [`teams:${USERS.lynne.aadObjectId}`, 'gph'],
    ]);
    expect(await say(USERS.patti, 'riskcheck export csv gph meb')).toMatch(/department is given twice/i);
  });
});

describe('riskcheck erase', () => {
  const SECRET_TITLE = 'Lynnes confidential cohort';

  it('removes the person from every file on disk while the decision stays', async () => {
    await linkGphChannel(h);
    const id = await submitAndDecide(USERS.lynne, SECRET_TITLE, 'Talk to the Security Forum first');
    await answerAll(h, USERS.lynne, plan('Lynnes unfinished draft'));
    expect(await dataFile('sessions.jsonl')).toContain(USERS.lynne.aadObjectId);

    const reply = await say(USERS.patti, `riskcheck erase teams:${USERS.lynne.aadObjectId}`);
    expect(reply).toMatch(/Personal data erased/);

    const files = await Promise.all(
      ['assessments.jsonl', 'sessions.jsonl', 'links.json', 'audit.jsonl'].map(dataFile),
    );
    for (const text of files) {
      for (const personal of [
        USERS.lynne.name,
        USERS.lynne.aadObjectId,
        USERS.lynne.id,
        SECRET_TITLE,
        'unfinished draft',
      ])
        expect(text).not.toContain(personal);
    }
    const stored = await h.bot.deps.store.getAssessment(id);
    expect(stored?.decision).toMatchObject({
      value: 'pause_review',
      comment: 'Talk to the Security Forum first',
      by: { userId: USERS.alex.aadObjectId },
    });
    expect(stored?.submitter).toMatchObject({
      displayName: 'Erased user',
      userId: expect.stringMatching(/^erased-/),
    });
    const done = await h.bot.deps.store.listAudit({ action: 'erasure.done' });
    expect(done).toEqual([expect.objectContaining({ actor: `teams:${USERS.patti.aadObjectId}` })]);
  });

  it('refuses a non-admin, changes nothing and audits the refusal', async () => {
    await completeRiskcheck(h, USERS.lynne, plan(SECRET_TITLE));
    const before = await dataFile('assessments.jsonl');
    expect(await say(USERS.alex, `riskcheck erase teams:${USERS.lynne.aadObjectId}`)).toMatch(/Not allowed/);
    expect(await dataFile('assessments.jsonl')).toBe(before);
    const refused = await h.bot.deps.store.listAudit({ action: 'erasure.refused' });
    expect(refused).toEqual([expect.objectContaining({ actor: `teams:${USERS.alex.aadObjectId}` })]);
  });
});

describe('retention', () => {
  it('anonymises an old decided assessment and leaves a recent one', async () => {
    h.bot.deps.organisation.dataCare = { retentionMonths: 60, afterRetention: 'anonymise' };
    await linkGphChannel(h);
    h.clock.set('2020-01-10T09:00:00.000Z');
    const old = await submitAndDecide(USERS.lynne, 'Old collaboration', 'Old comment');
    h.clock.set('2026-01-10T09:00:00.000Z');
    const recent = await submitAndDecide(USERS.lynne, 'Recent collaboration', 'Recent comment');
    h.clock.set('2026-11-20T09:00:00.000Z');

    expect(await applyRetention(h.bot.deps)).toEqual({ anonymised: 1, deleted: 0 });
    const onDisk = await dataFile('assessments.jsonl');
    expect(onDisk).not.toContain('Old collaboration');
    expect(onDisk).not.toContain('Old comment');
    expect(onDisk).toContain('Recent collaboration');
    expect((await h.bot.deps.store.getAssessment(old))?.decision?.value).toBe('pause_review');
    expect((await h.bot.deps.store.getAssessment(recent))?.submitter.displayName).toBe(USERS.lynne.name);
    expect(await h.bot.deps.store.listAudit({ action: 'retention.anonymised' })).toEqual([
      expect.objectContaining({ actor: 'system', subject: old }),
    ]);
  });
});
