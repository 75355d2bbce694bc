/**
 * Walks rendered Block Kit payloads so tests can check every text, id and list against Slack's
 * limits, independently of how the builders apply them.
 */
import { SLACK_LIMITS as L } from '../../../../cards/block-kit/limits.js';

type Node = Record<string, unknown>;

const isNode = (v: unknown): v is Node => v !== null && typeof v === 'object' && !Array.isArray(v);
const isTextObject = (v: unknown): v is Node & { type: string; text: string } =>
  isNode(v) && (v.type === 'plain_text' || v.type === 'mrkdwn') && typeof v.text === 'string';

/** Limit of a text object by where it sits: its owner's type (or role) and the key holding it. */
function textLimit(owner: string, key: string): number {
  if (owner === 'modal') return L.modalTitle; // title, submit, close
  if (owner === 'confirm')
    return key === 'title' ? L.confirmTitle : key === 'text' ? L.confirmText : L.confirmButtonText;
  if (key === 'placeholder') return L.placeholder;
  if (owner === 'header') return L.headerText;
  if (owner === 'button') return L.buttonText;
  if (owner === 'option') return L.optionText;
  if (owner === 'option_group') return L.optionGroupLabel;
  if (owner === 'input') return key === 'label' ? L.inputLabel : L.inputHint;
  if (owner === 'section' && key === 'fields') return L.fieldText;
  return L.text;
}

export interface TextHit {
  owner: string;
  key: string;
  type: 'plain_text' | 'mrkdwn';
  text: string;
}

/** Every text object with its owner and key. */
export function allTexts(root: unknown): TextHit[] {
  const out: TextHit[] = [];
  const visit = (value: unknown, owner: string, key: string): void => {
    if (Array.isArray(value)) {
      for (const v of value) visit(v, owner, key);
      return;
    }
    if (!isNode(value)) return;
    if (isTextObject(value)) {
      out.push({ owner, key, type: value.type as TextHit['type'], text: value.text });
      return;
    }
    const role =
      typeof value.type === 'string'
        ? value.type
        : key === 'confirm'
          ? 'confirm'
          : key === 'option_groups'
            ? 'option_group'
            : ['options', 'initial_option', 'initial_options'].includes(key)
              ? 'option'
              : owner;
    for (const [k, v] of Object.entries(value)) visit(v, role, k);
  };
  visit(root, '', '');
  return out;
}

/** Every object in the tree. */
export function allNodes(root: unknown): Node[] {
  const out: Node[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const v of value) visit(v);
      return;
    }
    if (!isNode(value)) return;
    out.push(value);
    for (const v of Object.values(value)) visit(v);
  };
  visit(root);
  return out;
}

/** Interactive elements (they carry an action_id) with the block that holds them. */
export function elementsByBlock(blocks: unknown[]): { block: Node; element: Node }[] {
  return blocks.filter(isNode).flatMap((block) =>
    allNodes(block)
      .filter((n) => n !== block && typeof n.action_id === 'string')
      .map((element) => ({ block, element })),
  );
}

/** Every broken limit, as readable strings; [] when the payload is valid. */
export function limitViolations(
  payload: { blocks: unknown[] } & Node,
  surface: 'message' | 'modal',
): string[] {
  const v: string[] = [];
  const maxBlocks = surface === 'modal' ? L.blocksPerModal : L.blocksPerMessage;
  if (payload.blocks.length > maxBlocks) v.push(`${payload.blocks.length} blocks > ${maxBlocks}`);
  if (surface === 'modal') {
    for (const key of ['title', 'submit', 'close']) {
      const t = payload[key];
      if (isTextObject(t) && t.text.length > L.modalTitle) v.push(`modal ${key} ${t.text.length}`);
      if (isTextObject(t) && t.type !== 'plain_text') v.push(`modal ${key} not plain_text`);
    }
    const meta = payload.private_metadata;
    if (typeof meta === 'string' && meta.length > L.privateMetadata)
      v.push(`private_metadata ${meta.length}`);
    if (typeof payload.callback_id === 'string' && payload.callback_id.length > L.callbackId)
      v.push('callback_id');
  }
  for (const hit of allTexts(payload.blocks)) {
    const max = textLimit(hit.owner, hit.key);
    if (hit.text.length > max) v.push(`${hit.owner}.${hit.key} text ${hit.text.length} > ${max}`);
    if (hit.text.trim().length === 0) v.push(`${hit.owner}.${hit.key} empty text`);
  }
  const blockIds = new Set<string>();
  for (const block of payload.blocks.filter(isNode)) {
    const id = block.block_id;
    if (typeof id === 'string') {
      if (id.length > L.blockId) v.push(`block_id ${id.length}`);
      if (blockIds.has(id)) v.push(`duplicate block_id ${id}`);
      blockIds.add(id);
    }
    if (
      block.type === 'context' &&
      Array.isArray(block.elements) &&
      block.elements.length > L.contextElements
    ) {
      v.push(`context elements ${block.elements.length}`);
    }
    if (block.type === 'section' && Array.isArray(block.fields) && block.fields.length > L.sectionFields) {
      v.push(`section fields ${block.fields.length}`);
    }
    if (
      block.type === 'actions' &&
      Array.isArray(block.elements) &&
      block.elements.length > L.elementsPerActionsBlock
    ) {
      v.push(`actions elements ${block.elements.length}`);
    }
    const actionIds = new Set<string>();
    for (const { element } of elementsByBlock([block])) {
      const actionId = element.action_id as string;
      if (actionId.length > L.actionId) v.push(`action_id ${actionId.length}`);
      if (actionIds.has(actionId)) v.push(`duplicate action_id ${actionId} in one block`);
      actionIds.add(actionId);
    }
  }
  for (const node of allNodes(payload.blocks)) {
    if (node.type === 'button' && typeof node.value === 'string' && node.value.length > L.buttonValue) {
      v.push(`button value ${node.value.length}`);
    }
    const options = Array.isArray(node.options) ? node.options : undefined;
    if (options && node.type === undefined && options.length > L.optionsPerSelect)
      v.push(`group options ${options.length}`);
    if (
      options &&
      (node.type === 'checkboxes' || node.type === 'radio_buttons') &&
      options.length > L.optionsPerCheckboxes
    ) {
      v.push(`${node.type} options ${options.length}`);
    }
    if (options && options.length > L.optionsPerSelect)
      v.push(`${String(node.type)} options ${options.length}`);
    if (Array.isArray(node.option_groups) && node.option_groups.length > L.optionGroupsPerSelect) {
      v.push(`option_groups ${node.option_groups.length}`);
    }
    if (typeof node.value === 'string' && node.type === undefined && node.value.length > L.optionValue) {
      v.push(`option value ${node.value.length}`);
    }
    if (node.type === 'plain_text_input') {
      const max = node.max_length;
      if (typeof max === 'number' && max > L.plainTextInputMaxLength) v.push(`max_length ${max}`);
      if (
        typeof max === 'number' &&
        typeof node.initial_value === 'string' &&
        node.initial_value.length > max
      ) {
        v.push('initial_value longer than max_length');
      }
    }
  }
  return v;
}
