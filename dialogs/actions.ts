/**
 * Action identifiers shared by every channel: used as the Teams `Action.Execute` verb and the
 * Slack `action_id`, defined once so a renderer and a handler can never disagree.
 */
export const ACTIONS = {
  start: 'riskcheck.start',
  resume: 'riskcheck.resume',
  next: 'riskcheck.next',
  back: 'riskcheck.back',
  save: 'riskcheck.save',
  cancel: 'riskcheck.cancel',
  edit: 'riskcheck.edit',
  submit: 'riskcheck.submit',
  list: 'riskcheck.list',
  help: 'riskcheck.help',
  decide: 'riskcheck.decide',
  /** "We discussed this" on a discussion reminder. */
  discussed: 'riskcheck.discussed',
  /** Start a reassessment pre-filled from an earlier assessment. */
  reassess: 'riskcheck.reassess',
} as const;

export type ActionId = (typeof ACTIONS)[keyof typeof ACTIONS];

export const ACTION_IDS: readonly ActionId[] = Object.values(ACTIONS);

export function isActionId(value: unknown): value is ActionId {
  return typeof value === 'string' && (ACTION_IDS as readonly string[]).includes(value);
}

/** Prefix of a question's input id inside card data, so answers never collide with metadata. */
export const ANSWER_INPUT_PREFIX = 'q:';

/** Upper bound on any text a user types; renderers set it as the input's maxLength too. */
export const MAX_TEXT_LENGTH = 2000;
