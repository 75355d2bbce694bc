/**
 * The parameters of `riskcheck export [json|csv] [department] [from YYYY-MM-DD] [to YYYY-MM-DD]`
 * and `riskcheck erase <platform>:<userId>`, parsed strictly: anything unexpected is a usage
 * message, never a guess, because a wrong guess would export or erase the wrong data.
 */
import { z } from 'zod';

export const EXPORT_USAGE =
  'Type “riskcheck export [csv|json] [department] [from YYYY-MM-DD] [to YYYY-MM-DD]”, for example “riskcheck export csv gph from 2026-01-01 to 2026-06-30”.';
export const ERASE_USAGE =
  'Type “riskcheck erase teams:<Entra object id>” or “riskcheck erase slack:<member id>”, for example “riskcheck erase slack:U0LYNNE01”.';

/** A real calendar day: 2026-02-30 is refused, not rolled over into March. */
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  // zod runs this even after the regex failed, so it must not throw on any string.
  .refine((d) => {
    const time = Date.parse(`${d}T00:00:00Z`);
    return !Number.isNaN(time) && new Date(time).toISOString().startsWith(d);
  }, 'not a calendar day');

export const exportRequestSchema = z
  .object({
    format: z.enum(['csv', 'json']).default('csv'),
    departmentId: z
      .string()
      .regex(/^[a-z][a-z0-9_-]{0,39}$/)
      .optional(),
    from: day.optional(),
    to: day.optional(),
  })
  .strict()
  .refine((r) => r.from === undefined || r.to === undefined || r.from <= r.to, '“from” is after “to”');

export type ExportRequest = z.infer<typeof exportRequestSchema>;

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

/** `words` are the lower-cased words after "export". */
export function parseExportWords(words: readonly string[]): Parsed<ExportRequest> {
  const raw: Record<string, string> = {};
  const put = (key: string, value: string): string | undefined => {
    if (raw[key] !== undefined) return `${key === 'departmentId' ? 'department' : key} is given twice`;
    raw[key] = value;
    return undefined;
  };
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    let problem: string | undefined;
    if (word === 'csv' || word === 'json') problem = put('format', word);
    else if (word === 'from' || word === 'to') {
      const value = words[++i];
      if (value === undefined) return { ok: false, problem: `“${word}” needs a date` };
      problem = put(word, value);
    } else problem = put('departmentId', word);
    if (problem) return { ok: false, problem };
  }
  const parsed = exportRequestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path[0] === 'departmentId' ? 'department' : String(issue?.path[0] ?? 'request');
    return {
      ok: false,
      problem: issue?.path.length ? `${field} is not valid` : (issue?.message ?? 'not valid'),
    };
  }
  return { ok: true, value: parsed.data };
}

/** Same shapes as the actors built from Teams activities and Slack requests. */
const personKeySchema = z.discriminatedUnion('platform', [
  z.object({ platform: z.literal('teams'), userId: z.string().regex(/^[0-9a-f][0-9a-f-]{7,99}$/) }),
  z.object({ platform: z.literal('slack'), userId: z.string().regex(/^[UW][A-Z0-9]{2,20}$/) }),
]);
export type PersonKey = z.infer<typeof personKeySchema>;

/**
 * `argument` as typed (case kept). Entra object ids are GUIDs, compared lower case; Slack member
 * ids are upper case by definition, so `slack:u0lynne01` still names U0LYNNE01.
 */
export function parsePersonKey(argument: string): Parsed<PersonKey> {
  const match = /^(teams|slack):(\S+)$/i.exec(argument);
  if (!match) return { ok: false, problem: 'give the person as teams:<id> or slack:<id>' };
  const platform = match[1]!.toLowerCase();
  const userId = platform === 'slack' ? match[2]!.toUpperCase() : match[2]!.toLowerCase();
  const parsed = personKeySchema.safeParse({ platform, userId });
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, problem: `“${argument.slice(0, 60)}” is not a ${platform} user id` };
}
