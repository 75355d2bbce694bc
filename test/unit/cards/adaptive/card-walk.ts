/** Walks an expanded Adaptive Card (or template) so tests can assert on every element in it. */

export interface Node {
  type?: unknown;
  [key: string]: unknown;
}

/** Every object in the tree, depth first, with its parent key (e.g. "inlines", "actions"). */
export function allObjects(root: unknown): { node: Node; key: string }[] {
  const out: { node: Node; key: string }[] = [];
  const visit = (value: unknown, key: string): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item, key);
    } else if (value !== null && typeof value === 'object') {
      out.push({ node: value as Node, key });
      for (const [k, v] of Object.entries(value)) visit(v, k);
    }
  };
  visit(root, '');
  return out;
}

export function ofType(root: unknown, type: string): Node[] {
  return allObjects(root)
    .map(({ node }) => node)
    .filter((node) => node.type === type);
}

/** Every string value in the tree with the property name that holds it. */
export function allStrings(root: unknown): { key: string; value: string; owner: Node }[] {
  const out: { key: string; value: string; owner: Node }[] = [];
  for (const { node } of allObjects(root)) {
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'string') out.push({ key, value, owner: node });
    }
  }
  return out;
}

export function isInput(node: Node): boolean {
  return typeof node.type === 'string' && node.type.startsWith('Input.');
}
