/**
 * One Slack input block per question. The block id is `q:<question id>` (ANSWER_INPUT_PREFIX), the
 * element's action_id is always `answer`, so the channel reads answers from
 * `view.state.values['q:<id>'].answer` whatever the control is.
 */
import type {
  Checkboxes,
  Datepicker,
  InputBlock,
  InputBlockElement,
  MultiStaticSelect,
  PlainTextInput,
  PlainTextOption,
  RadioButtons,
  StaticSelect,
} from '@slack/types';
import { ANSWER_INPUT_PREFIX, MAX_TEXT_LENGTH } from '../../dialogs/actions.js';
import type { Option } from '../../dialogs/questionnaire/schema.js';
import type { QuestionView } from '../../dialogs/views/view-model.js';
import { plain } from './elements.js';
import { SLACK_LIMITS as L, truncate } from './limits.js';

export const ANSWER_ACTION_ID = 'answer';

const DATE_VALUE = /^\d{4}-\d{2}-\d{2}$/;

type OptionGroup = { label: ReturnType<typeof plain>; options: PlainTextOption[] };

function option(o: Option): PlainTextOption {
  return { text: plain(o.label, L.optionText), value: o.value.slice(0, L.optionValue) };
}

function values(q: QuestionView): string[] {
  if (q.value === undefined) return [];
  return Array.isArray(q.value) ? q.value : [q.value];
}

/** Options matching the current answer; Slack rejects an initial option that is not offered. */
function selected(q: QuestionView, options: PlainTextOption[]): PlainTextOption[] {
  const chosen = new Set(values(q));
  return options.filter((o) => o.value !== undefined && chosen.has(o.value));
}

/** Groups of at most 100 options; longer groups are split as "A (1)", "A (2)". */
function splitGroups(groups: { label: string; options: PlainTextOption[] }[]): OptionGroup[] {
  const out: OptionGroup[] = [];
  for (const g of groups) {
    const parts = Math.ceil(g.options.length / L.optionsPerSelect);
    for (let i = 0; i < parts; i++) {
      const label = parts > 1 ? `${g.label} (${i + 1})` : g.label;
      out.push({
        label: plain(label, L.optionGroupLabel),
        options: g.options.slice(i * L.optionsPerSelect, (i + 1) * L.optionsPerSelect),
      });
    }
  }
  return out.slice(0, L.optionGroupsPerSelect);
}

/** First letter without accents ("Åland Islands" under A); anything else under "#". */
function initial(label: string): string {
  const letter = label.normalize('NFD').charAt(0).toUpperCase();
  return /^[A-Z]$/.test(letter) ? letter : '#';
}

/** Countries (about 250) exceed the 100 options of a select: grouped by first letter instead. */
function countryGroups(options: PlainTextOption[]): OptionGroup[] {
  const byLetter = new Map<string, PlainTextOption[]>();
  for (const o of options) {
    const letter = initial(o.text.text);
    byLetter.set(letter, [...(byLetter.get(letter) ?? []), o]);
  }
  const letters = [...byLetter.keys()].sort();
  return splitGroups(letters.map((label) => ({ label, options: byLetter.get(label) ?? [] })));
}

/** Options as a flat list when they fit, else in numbered groups of 100. */
function optionSource(options: PlainTextOption[]): Pick<StaticSelect, 'options' | 'option_groups'> {
  if (options.length <= L.optionsPerSelect) return { options };
  const chunks = Math.ceil(options.length / L.optionsPerSelect);
  return {
    option_groups: splitGroups(
      Array.from({ length: chunks }, (_, i) => ({
        label: `${i * L.optionsPerSelect + 1}–${Math.min(options.length, (i + 1) * L.optionsPerSelect)}`,
        options: options.slice(i * L.optionsPerSelect, (i + 1) * L.optionsPerSelect),
      })),
    ),
  };
}

function staticSelect(q: QuestionView, options: PlainTextOption[], grouped: boolean): StaticSelect {
  const element: StaticSelect = {
    type: 'static_select',
    action_id: ANSWER_ACTION_ID,
    placeholder: plain(grouped ? 'Choose a country' : 'Choose an option', L.placeholder),
    ...(grouped ? { option_groups: countryGroups(options) } : optionSource(options)),
  };
  const [initialOption] = selected(q, options);
  if (initialOption) element.initial_option = initialOption;
  return element;
}

function textInput(q: QuestionView, multiline: boolean): PlainTextInput {
  const maxLength = Math.min(q.maxLength, MAX_TEXT_LENGTH, L.plainTextInputMaxLength);
  const element: PlainTextInput = {
    type: 'plain_text_input',
    action_id: ANSWER_ACTION_ID,
    multiline,
    max_length: maxLength,
  };
  const [value] = values(q);
  // Slack rejects an initial value longer than max_length; the user sees the cut and can fix it.
  if (value !== undefined && value.length > 0) element.initial_value = value.slice(0, maxLength);
  return element;
}

function multiChoice(q: QuestionView, options: PlainTextOption[]): Checkboxes | MultiStaticSelect {
  const initial = selected(q, options);
  if (options.length <= L.optionsPerCheckboxes) {
    const element: Checkboxes = { type: 'checkboxes', action_id: ANSWER_ACTION_ID, options };
    if (initial.length > 0) element.initial_options = initial;
    return element;
  }
  const element: MultiStaticSelect = {
    type: 'multi_static_select',
    action_id: ANSWER_ACTION_ID,
    placeholder: plain('Choose one or more', L.placeholder),
    ...optionSource(options),
  };
  if (initial.length > 0) element.initial_options = initial;
  return element;
}

function radio(q: QuestionView, options: PlainTextOption[]): RadioButtons | StaticSelect {
  if (options.length > L.optionsPerRadioButtons) return staticSelect(q, options, false);
  const element: RadioButtons = { type: 'radio_buttons', action_id: ANSWER_ACTION_ID, options };
  const [initialOption] = selected(q, options);
  if (initialOption) element.initial_option = initialOption;
  return element;
}

function datepicker(q: QuestionView): Datepicker {
  const element: Datepicker = {
    type: 'datepicker',
    action_id: ANSWER_ACTION_ID,
    placeholder: plain('Choose a date', L.placeholder),
  };
  const [value] = values(q);
  if (value !== undefined && DATE_VALUE.test(value)) element.initial_date = value;
  return element;
}

function inputElement(q: QuestionView): InputBlockElement {
  const options = q.options.map(option);
  switch (q.kind) {
    case 'text':
      return textInput(q, false);
    case 'longText':
      return textInput(q, true);
    case 'choice':
    case 'department':
      return staticSelect(q, options, false);
    case 'yesNoUnsure':
      return radio(q, options);
    case 'multiChoice':
      return multiChoice(q, options);
    case 'country':
      return staticSelect(q, options, true);
    case 'date':
      return datepicker(q);
  }
}

/**
 * The input block for one question. `optional` mirrors `required`: Slack checks required inputs
 * only on the modal's submit (Next), not on the Back/Save/Cancel buttons. A server-side error is
 * shown first in the hint, where the user looks; the channel also returns it as `response_action: errors`.
 */
export function questionInput(q: QuestionView): InputBlock {
  const hint = [(q.error ?? '').length > 0 ? `⚠ ${q.error}` : '', q.help ?? '']
    .filter((t) => t.length > 0)
    .join('\n');
  const block: InputBlock = {
    type: 'input',
    block_id: truncate(`${ANSWER_INPUT_PREFIX}${q.id}`, L.blockId),
    label: plain(q.label, L.inputLabel),
    optional: !q.required,
    element: inputElement(q),
  };
  if (hint.length > 0) block.hint = plain(hint, L.inputHint);
  return block;
}
