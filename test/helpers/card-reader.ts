/**
 * Reads an Adaptive Card the way a Teams client does: finds its inputs and Action.Execute
 * buttons, so a test can "fill in" a card and press a button without knowing its layout.
 */
export interface CardInput {
  id: string;
  type: string;
  value?: string;
  choices: { title: string; value: string }[];
  isMultiSelect: boolean;
}

export interface CardAction {
  title: string;
  verb: string;
  data: Record<string, unknown>;
}

type Node = Record<string, unknown>;

function walk(node: unknown, visit: (n: Node) => void): void {
  if (Array.isArray(node)) {
    for (const child of node) walk(child, visit);
    return;
  }
  if (node && typeof node === 'object') {
    visit(node as Node);
    for (const value of Object.values(node)) walk(value, visit);
  }
}

export function inputsOf(card: unknown): CardInput[] {
  const inputs: CardInput[] = [];
  walk(card, (n) => {
    if (typeof n.type === 'string' && n.type.startsWith('Input.') && typeof n.id === 'string') {
      inputs.push({
        id: n.id,
        type: n.type,
        ...(typeof n.value === 'string' ? { value: n.value } : {}),
        choices: (n.choices as { title: string; value: string }[] | undefined) ?? [],
        isMultiSelect: n.isMultiSelect === true,
      });
    }
  });
  return inputs;
}

export function actionsOf(card: unknown): CardAction[] {
  const actions: CardAction[] = [];
  walk(card, (n) => {
    if (n.type === 'Action.Execute' && typeof n.verb === 'string') {
      actions.push({
        title: String(n.title ?? ''),
        verb: n.verb,
        data: (n.data as Record<string, unknown>) ?? {},
      });
    }
  });
  return actions;
}

export function actionWith(
  card: unknown,
  verb: string,
  match: (a: CardAction) => boolean = () => true,
): CardAction {
  const found = actionsOf(card).find((a) => a.verb === verb && match(a));
  if (!found)
    throw new Error(`no ${verb} button on card: ${JSON.stringify(actionsOf(card).map((a) => a.verb))}`);
  return found;
}

/** Every piece of visible text on a card, for asserting on what a user reads. */
export function textOf(card: unknown): string {
  const parts: string[] = [];
  walk(card, (n) => {
    if (typeof n.text === 'string') parts.push(n.text);
    if (typeof n.title === 'string') parts.push(n.title);
  });
  return parts.join('\n');
}

/** The card returned in an Action.Execute invoke response. */
export function invokeCard(body: any): Record<string, unknown> {
  if (body?.type !== 'application/vnd.microsoft.card.adaptive') {
    throw new Error(`expected a card in the invoke response, got ${JSON.stringify(body).slice(0, 300)}`);
  }
  return body.value;
}
