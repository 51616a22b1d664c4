// The few DOM features the readers use, as structural types: the core compiles without the DOM
// library, and both @xmldom/xmldom documents (node, workers) and browser documents fit.

export interface XmlNode {
  readonly nodeType: number;
  readonly localName: string | null;
  readonly firstChild: XmlNode | null;
  readonly nextSibling: XmlNode | null;
  readonly textContent: string | null;
}

export interface XmlElement extends XmlNode {
  getAttribute(name: string): string | null;
}

export interface XmlDocument {
  readonly documentElement: XmlElement | null;
}

const ELEMENT_NODE = 1;

function isElement(node: XmlNode): node is XmlElement {
  return node.nodeType === ELEMENT_NODE;
}

/** Direct children with this local name, whatever their namespace prefix (gpx:trk, trk…). */
export function childElements(parent: XmlNode, localName: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (let c = parent.firstChild; c !== null; c = c.nextSibling) {
    if (isElement(c) && c.localName === localName) out.push(c);
  }
  return out;
}

export function firstChildElement(parent: XmlNode, localName: string): XmlElement | null {
  for (let c = parent.firstChild; c !== null; c = c.nextSibling) {
    if (isElement(c) && c.localName === localName) return c;
  }
  return null;
}

/** Trimmed text of the first child with this local name, or '' when there is none. */
export function childText(parent: XmlNode, localName: string): string {
  return firstChildElement(parent, localName)?.textContent?.trim() ?? '';
}

/**
 * Descendants with one of these local names, in document order, without looking inside a match.
 * Iterative: deeply nested KML folders must not overflow the stack.
 */
export function findElements(root: XmlNode, localNames: ReadonlySet<string>): XmlElement[] {
  const out: XmlElement[] = [];
  const stack: XmlNode[] = [];
  for (let c = root.firstChild; c !== null; c = c.nextSibling) stack.push(c);
  stack.reverse();
  while (stack.length) {
    const node = stack.pop();
    if (node === undefined || !isElement(node)) continue;
    if (node.localName !== null && localNames.has(node.localName)) {
      out.push(node);
      continue;
    }
    const kids: XmlNode[] = [];
    for (let c = node.firstChild; c !== null; c = c.nextSibling) kids.push(c);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return out;
}
