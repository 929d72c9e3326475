// @ts-check
/**
 * Expressive Code plugin: numbered markers at annotated YAML fields.
 *
 * <IstioYaml> passes the positions through the code block's meta string:
 *   fieldnotes="<example-id>|<line>.<startCol>.<endCol>.<n>|..."   (1-based lines and columns)
 * The plugin highlights the key and puts a button after it whose description is the note
 * (`aria-describedby` → the note's <li>, rendered by <IstioYaml> under the block). Showing the note on
 * hover, focus or tap is pure CSS (src/styles/components.css): content pages ship no script for it.
 */
import { ExpressiveCodeAnnotation } from '@astrojs/starlight/expressive-code';
import { h } from '@astrojs/starlight/expressive-code/hast';

class FieldNoteAnnotation extends ExpressiveCodeAnnotation {
  /** @param {{ exampleId: string, n: number, columnStart: number, columnEnd: number }} options */
  constructor({ exampleId, n, columnStart, columnEnd }) {
    super({ inlineRange: { columnStart, columnEnd } });
    this.exampleId = exampleId;
    this.n = n;
  }

  /** @param {import('@expressive-code/core').AnnotationRenderOptions} options */
  render({ nodesToTransform }) {
    const last = nodesToTransform.length - 1;
    return nodesToTransform.map((node, i) => {
      const key = h('span', { class: 'fn-key' }, [node]);
      if (i !== last) return key;
      const marker = h(
        'button',
        {
          type: 'button',
          class: 'fn-marker',
          'data-note': String(this.n),
          'aria-describedby': `${this.exampleId}-note-${this.n}`,
          style: `anchor-name: --${this.exampleId}-${this.n}`,
        },
        [h('span', { class: 'sr-only' }, 'Note '), String(this.n)],
      );
      return h('span', { class: 'fn-field' }, [key, marker]);
    });
  }
}

/** @returns {import('@expressive-code/core').ExpressiveCodePlugin} */
export function pluginFieldNotes() {
  return {
    name: 'field-notes',
    hooks: {
      annotateCode: ({ codeBlock }) => {
        const spec = codeBlock.metaOptions.getString('fieldnotes');
        if (!spec) return;
        const [exampleId, ...entries] = spec.split('|');
        if (!exampleId || !/^[a-z0-9-]+$/.test(exampleId)) throw new Error(`fieldnotes: bad example id in "${spec}"`);
        for (const entry of entries) {
          const parts = entry.split('.').map(Number);
          if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 1)) {
            throw new Error(`fieldnotes: bad entry "${entry}" (expected line.startColumn.endColumn.number)`);
          }
          const [line, start, end, n] = /** @type {[number, number, number, number]} */ (parts);
          const codeLine = codeBlock.getLine(line - 1);
          if (!codeLine) throw new Error(`fieldnotes: line ${line} is outside the code block (${codeBlock.getLines().length} lines)`);
          codeLine.addAnnotation(new FieldNoteAnnotation({ exampleId, n, columnStart: start - 1, columnEnd: Math.max(end - 1, start) }));
        }
      },
    },
  };
}
