import { describe, expect, it } from 'vitest';
import { h, toDom, toHtml } from '../../../src/components/sim/kit/vnode';

const HTML_NS = 'http://www.w3.org/1999/xhtml';
const SVG_NS = 'http://www.w3.org/2000/svg';

/** Just enough of a Document to see which constructor toDom calls, with which attributes. */
interface FakeElement {
  ns: string;
  tag: string;
  attrs: Record<string, string>;
  children: (FakeElement | { text: string })[];
}
const element = (ns: string, tag: string) => ({
  ns,
  tag,
  attrs: {} as Record<string, string>,
  children: [] as FakeElement['children'],
  setAttribute(k: string, v: string) {
    this.attrs[k] = v;
  },
  appendChild<T>(c: T) {
    this.children.push(c as never);
    return c;
  },
});
const fakeDocument = {
  createElement: (tag: string) => element(HTML_NS, tag),
  createElementNS: (ns: string, tag: string) => element(ns, tag),
  createTextNode: (text: string) => ({ text }),
} as unknown as Document;

describe('kit view tree (vnode.ts)', () => {
  it('toDom creates svg and everything inside it in the SVG namespace, and HTML around it', () => {
    const tree = h('div', null, h('svg', { viewBox: '0 0 10 10' }, h('g', { class: 'x' }, h('rect', { x: 1 }), h('text', null, 'label'))), h('p', null, 'after'));
    const div = toDom(tree, fakeDocument) as unknown as FakeElement;
    expect(div.ns).toBe(HTML_NS);
    const [svg, p] = div.children as FakeElement[];
    expect(svg!.ns).toBe(SVG_NS);
    expect(svg!.attrs).toEqual({ viewBox: '0 0 10 10' });
    const g = svg!.children[0] as FakeElement;
    expect([g.ns, ...g.children.map((c) => (c as FakeElement).ns)]).toEqual([SVG_NS, SVG_NS, SVG_NS]);
    expect((g.children[1] as FakeElement).children).toEqual([{ text: 'label' }]);
    expect(p!.ns).toBe(HTML_NS);
  });
  it('text stays text: toDom makes a text node, toHtml escapes it, inside an svg too', () => {
    const markup = '<img src=x onerror="alert(1)">&\'';
    const tree = h('svg', { 'aria-label': markup }, h('text', null, markup));
    const svg = toDom(tree, fakeDocument) as unknown as FakeElement;
    expect((svg.children[0] as FakeElement).children).toEqual([{ text: markup }]);
    expect(toHtml(tree)).toBe('<svg aria-label="&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;"><text>&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;</text></svg>');
  });
  it('camelCase SVG attributes keep their case; event handler attributes are refused in any case', () => {
    expect(toHtml(h('svg', { viewBox: '0 0 1 1' }, h('marker', { refX: 9, markerWidth: 11 })))).toBe('<svg viewBox="0 0 1 1"><marker refX="9" markerWidth="11"></marker></svg>');
    for (const handler of ['onclick', 'onLoad', 'ONERROR']) {
      expect(() => toHtml(h('svg', { [handler]: 'x' }))).toThrow(/refused attribute/);
      const svg = toDom(h('svg', { [handler]: 'x', id: 'kept' }), fakeDocument) as unknown as FakeElement;
      expect(svg.attrs).toEqual({ id: 'kept' });
    }
  });
});
