/**
 * A CodeMirror 6 YAML editor that takes over a plain `<textarea>` (progressive enhancement), shows line
 * numbers and inline diagnostics, and keeps the textarea's value in step so a form or a fallback path that
 * reads the textarea still sees what the user typed. Import it dynamically, on intent:
 *
 *   const { createYamlEditor } = await import('~/components/editor/yaml-editor');
 *   const editor = createYamlEditor(textarea, { onChange: (text) => schedule(text) });
 *   editor.setDiagnostics([{ line: 3, column: 5, severity: 'error', message: 'unknown field "matchs"' }]);
 *   editor.goTo(3, 5); // cursor to line 3, column 5, editor focused
 *
 * Tab is not bound (no `indentWithTab`), so Tab and Shift+Tab move focus into and out of the editor as in
 * any form field; type spaces to indent (YAML allows no tab characters for indentation anyway).
 *
 * `setVimKeys(true)` loads `@replit/codemirror-vim` (its own chunk, fetched only then) into a compartment
 * placed before the other keymaps, as that package asks; Tab still leaves the editor in vim mode.
 */
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { HighlightStyle, bracketMatching, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { Compartment, EditorSelection, EditorState } from '@codemirror/state';
import { tags } from '@lezer/highlight';
import { EditorView, drawSelection, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers } from '@codemirror/view';

/** A finding to show inline: 1-based line and column, as the checker and the analyzer report them. */
export interface EditorDiagnostic {
  line: number;
  column?: number;
  severity: 'error' | 'warning' | 'info';
  message: string;
}

export interface YamlEditorOptions {
  /** Called after each change with the whole text (debounce in the caller). */
  onChange?: (text: string) => void;
}

export interface YamlEditor {
  getText(): string;
  setText(text: string): void;
  setDiagnostics(diagnostics: readonly EditorDiagnostic[]): void;
  /** Moves the cursor to a 1-based line (and column), scrolls it into view and focuses the editor. */
  goTo(line: number, column?: number): void;
  focus(): void;
  /** Turns vim keys on (loading them the first time) or off; rejects when the vim chunk cannot load. */
  setVimKeys(on: boolean): Promise<void>;
  /** Removes the editor and shows the textarea again, with the current text. */
  destroy(): void;
}

/** Colours from Starlight's tokens, so the editor follows the light and the dark theme. */
const siteTheme = EditorView.theme({
  '&': { color: 'var(--sl-color-white)', backgroundColor: 'var(--sl-color-black)', border: '1px solid var(--sl-color-gray-5)', fontSize: 'var(--sl-text-sm)' },
  '&.cm-focused': { outline: '3px solid var(--sl-color-text-accent)', outlineOffset: '2px' },
  // No max height: the editor grows with its text and the page scrolls, so there is no scroll region that
  // keyboard users would have to reach separately (lines wrap, so there is no sideways scroll either).
  '.cm-scroller': { fontFamily: 'var(--__sl-font-mono)', lineHeight: '1.6', minHeight: '16rem' },
  '.cm-content': { caretColor: 'var(--sl-color-white)' },
  '.cm-cursor': { borderLeftColor: 'var(--sl-color-white)' },
  '.cm-gutters': { backgroundColor: 'var(--sl-color-gray-6)', color: 'var(--sl-color-gray-2)', borderRight: '1px solid var(--sl-color-gray-5)' },
  '.cm-activeLine': { backgroundColor: 'color-mix(in srgb, var(--sl-color-accent-low) 45%, transparent)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--sl-color-accent-low)', color: 'var(--sl-color-white)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': { backgroundColor: 'var(--sl-color-accent-low) !important' },
  // Vim's block cursor redraws the letter under it in the letter's own colour: give it the selection's
  // background (AA with every token colour) and an accent outline. `&.cm-editor` outranks vim's own theme.
  '&.cm-editor .cm-fat-cursor': { background: 'var(--sl-color-accent-low)', outline: '1px solid var(--sl-color-text-accent)' },
  '&.cm-editor:not(.cm-focused) .cm-fat-cursor': { background: 'none' },
  '.cm-tooltip': { backgroundColor: 'var(--sl-color-bg-nav)', color: 'var(--sl-color-white)', border: '1px solid var(--sl-color-gray-5)' },
});

/** Token colours from Starlight's high-contrast tokens (AA on both themes' backgrounds). */
const siteHighlight = HighlightStyle.define([
  { tag: [tags.propertyName, tags.definition(tags.propertyName)], color: 'var(--sl-color-blue-high)' },
  { tag: [tags.string, tags.special(tags.string)], color: 'var(--sl-color-green-high)' },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], color: 'var(--sl-color-orange-high)' },
  { tag: [tags.comment, tags.meta, tags.punctuation, tags.separator], color: 'var(--sl-color-gray-2)' },
  { tag: [tags.keyword, tags.labelName, tags.typeName], color: 'var(--sl-color-purple-high)' },
]);

/** The document offset of a 1-based line and column, clamped into the document. */
function offsetOf(state: EditorState, line: number, column = 1): number {
  const l = state.doc.line(Math.min(Math.max(1, line), state.doc.lines));
  return Math.min(l.from + Math.max(0, column - 1), l.to);
}

function toCodeMirror(state: EditorState, d: EditorDiagnostic): Diagnostic {
  const from = offsetOf(state, d.line, d.column);
  const lineEnd = state.doc.lineAt(from).to;
  return { from, to: Math.max(from, lineEnd), severity: d.severity, message: d.message };
}

export function createYamlEditor(textarea: HTMLTextAreaElement, options: YamlEditorOptions = {}): YamlEditor {
  const label = textarea.labels?.[0];
  const contentAttributes: Record<string, string> = { 'aria-multiline': 'true' };
  if (label?.id) contentAttributes['aria-labelledby'] = label.id;
  const describedBy = textarea.getAttribute('aria-describedby');
  if (describedBy) contentAttributes['aria-describedby'] = describedBy;

  const keyMode = new Compartment();
  const view = new EditorView({
    state: EditorState.create({
      doc: textarea.value,
      extensions: [
        keyMode.of([]),
        lineNumbers(),
        highlightActiveLineGutter(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        highlightActiveLine(),
        syntaxHighlighting(siteHighlight),
        keymap.of([...defaultKeymap, ...historyKeymap]),
        yaml(),
        lintGutter(),
        siteTheme,
        EditorView.lineWrapping,
        EditorView.contentAttributes.of(contentAttributes),
        EditorView.updateListener.of((u) => {
          if (!u.docChanged) return;
          const text = u.state.doc.toString();
          textarea.value = text;
          options.onChange?.(text);
        }),
      ],
    }),
  });
  textarea.hidden = true;
  textarea.after(view.dom);

  return {
    getText: () => view.state.doc.toString(),
    setText(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    setDiagnostics(diagnostics) {
      view.dispatch(setDiagnostics(view.state, diagnostics.map((d) => toCodeMirror(view.state, d))));
    },
    goTo(line, column) {
      const at = offsetOf(view.state, line, column);
      view.dispatch({ selection: EditorSelection.cursor(at), effects: EditorView.scrollIntoView(at, { y: 'center' }) });
      view.focus();
    },
    focus: () => view.focus(),
    async setVimKeys(on) {
      const extension = on ? (await import('@replit/codemirror-vim')).vim() : [];
      view.dispatch({ effects: keyMode.reconfigure(extension) });
    },
    destroy() {
      textarea.value = view.state.doc.toString();
      view.destroy();
      textarea.hidden = false;
    },
  };
}
