/**
 * A tiny view description shared by the build (HTML string, escaped) and the browser (DOM nodes built with
 * createElement + textContent). User text only ever becomes a text node or an escaped attribute value:
 * never HTML. Event handler attributes are refused. An `svg` element and everything inside it are created
 * in the SVG namespace, so a figure can be part of a view; SVG's camelCase attributes (`viewBox`) keep
 * their case.
 */
export type Attrs = Record<string, string | number | boolean | undefined | null>;
export type Child = VNode | string | number | null | undefined | false;
export interface VNode {
  tag: string;
  attrs: Attrs;
  children: Child[];
}

export function h(tag: string, attrs: Attrs | null = null, ...children: (Child | Child[])[]): VNode {
  return { tag, attrs: attrs ?? {}, children: children.flat() };
}

const VOID = new Set(['br', 'hr', 'img', 'input', 'wbr']);
const SAFE_ATTR = /^(?!on)[a-z][a-z0-9-]*$/i;
const SVG_NS = 'http://www.w3.org/2000/svg';

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Serialises for the build (Astro `set:html`): every text and attribute value escaped. */
export function toHtml(node: Child): string {
  if (node === null || node === undefined || node === false) return '';
  if (typeof node === 'string' || typeof node === 'number') return escapeHtml(String(node));
  if (!/^[a-z][a-z0-9-]*$/.test(node.tag)) throw new Error(`bad tag ${node.tag}`);
  let out = `<${node.tag}`;
  for (const [k, v] of Object.entries(node.attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (!SAFE_ATTR.test(k)) throw new Error(`refused attribute ${k}`);
    out += v === true ? ` ${k}` : ` ${k}="${escapeHtml(String(v))}"`;
  }
  out += '>';
  if (VOID.has(node.tag)) return out;
  for (const c of node.children) out += toHtml(c);
  return `${out}</${node.tag}>`;
}

/**
 * Builds DOM nodes in the browser: createElement (createElementNS for `svg` and its descendants),
 * setAttribute, text nodes. No innerHTML.
 */
export function toDom(node: Child, doc: Document, inSvg = false): Node | null {
  if (node === null || node === undefined || node === false) return null;
  if (typeof node === 'string' || typeof node === 'number') return doc.createTextNode(String(node));
  const svg = inSvg || node.tag === 'svg';
  const el = svg ? doc.createElementNS(SVG_NS, node.tag) : doc.createElement(node.tag);
  for (const [k, v] of Object.entries(node.attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (!SAFE_ATTR.test(k)) continue;
    el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of node.children) {
    const n = toDom(c, doc, svg);
    if (n) el.appendChild(n);
  }
  return el;
}

/** Replaces an element's children with the rendering of `nodes`. */
export function render(target: Element, nodes: Child | Child[]): void {
  const list = Array.isArray(nodes) ? nodes : [nodes];
  const frag = target.ownerDocument.createDocumentFragment();
  for (const n of list) {
    const d = toDom(n, target.ownerDocument);
    if (d) frag.appendChild(d);
  }
  target.replaceChildren(frag);
}
