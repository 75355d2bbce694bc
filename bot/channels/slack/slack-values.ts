/**
 * Turns a Slack modal's `view.state.values` into card data keyed like the Teams inputs
 * (`q:<question id>`), so one use case serves both platforms. Empty selections become "" because
 * the core treats a missing value as "left empty" and rejects nulls.
 */
import { ANSWER_INPUT_PREFIX } from '../../../dialogs/actions.js';

interface SlackInputState {
  type?: string;
  value?: string | null;
  selected_option?: { value?: string } | null;
  selected_options?: { value?: string }[] | null;
  selected_date?: string | null;
}

export function answersFromState(state: unknown): Record<string, string | string[]> {
  const values = (state as { values?: Record<string, Record<string, SlackInputState>> } | undefined)?.values;
  const answers: Record<string, string | string[]> = {};
  if (!values || typeof values !== 'object') return answers;
  for (const [blockId, actions] of Object.entries(values)) {
    if (!blockId.startsWith(ANSWER_INPUT_PREFIX) || !actions || typeof actions !== 'object') continue;
    const input = Object.values(actions)[0];
    if (!input) continue;
    answers[blockId] = inputValue(input);
  }
  return answers;
}

function inputValue(input: SlackInputState): string | string[] {
  switch (input.type) {
    case 'static_select':
    case 'radio_buttons':
      return input.selected_option?.value ?? '';
    case 'multi_static_select':
    case 'checkboxes':
      // A hostile payload may send anything here; the core rejects values a modal cannot send.
      return Array.isArray(input.selected_options) ? input.selected_options.map((o) => o?.value ?? '') : [];
    case 'datepicker':
      return input.selected_date ?? '';
    default:
      return typeof input.value === 'string' ? input.value : '';
  }
}

/** Button values and private_metadata are JSON we wrote; anything else is treated as empty. */
export function parseJsonObject(text: unknown): Record<string, unknown> {
  if (typeof text !== 'string' || text === '' || text.length > 3000) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}
