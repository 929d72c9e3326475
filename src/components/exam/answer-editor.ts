/**
 * The YAML answer field of the mock exam and practice: a plain textarea that becomes the shared CodeMirror
 * editor on intent (focus, pointer or key on it), with an optional "Vim keys" checkbox. The editor's changes
 * are sent as `input` events from the textarea, so the apps save answers through the one path they already
 * have, and a reload restores the saved text into the textarea and then the editor. When the editor chunk
 * cannot load, the textarea stays and a note says so. The field's wrapper says where it stands (tests wait on
 * it): `data-editor="ready" | "failed"`, `data-vim-mode="on" | "off"`.
 */
import type { EditorDiagnostic, YamlEditor } from '../editor/yaml-editor';
import { rememberVimKeys, vimKeysPreferred } from './store';

export interface AnswerEditor {
  /** Wires the answer field rendered in `view` (call after each render; an editor whose field left the page is removed). */
  attach(): void;
  /** Shows grading findings inline (no-op until the editor is open). */
  showDiagnostics(diagnostics: readonly EditorDiagnostic[]): void;
}

const INTENT = ['focus', 'pointerdown', 'keydown'] as const;

export function answerEditor(view: HTMLElement): AnswerEditor {
  let editor: YamlEditor | null = null;
  let field: HTMLTextAreaElement | null = null;

  const note = (text: string) => {
    const el = view.querySelector<HTMLElement>('[data-editor-note]');
    if (!el) return;
    el.textContent = text;
    el.hidden = false;
  };

  async function applyVimKeys(on: boolean): Promise<void> {
    if (!editor) return;
    const wrapper = field?.parentElement;
    try {
      await editor.setVimKeys(on);
      wrapper?.setAttribute('data-vim-mode', on ? 'on' : 'off');
    } catch {
      wrapper?.setAttribute('data-vim-mode', 'off');
      const box = view.querySelector<HTMLInputElement>('input[data-vim-keys]');
      if (box) box.checked = false;
      note('Vim keys could not load; the editor works with its usual keys.');
    }
  }

  async function open(textarea: HTMLTextAreaElement): Promise<void> {
    let create: typeof import('../editor/yaml-editor').createYamlEditor;
    try {
      ({ createYamlEditor: create } = await import('../editor/yaml-editor'));
    } catch {
      if (!textarea.isConnected) return;
      textarea.parentElement?.setAttribute('data-editor', 'failed');
      note('The editor could not load; this plain text field works the same and keeps your answer.');
      return;
    }
    // The learner may have moved to another task while the chunk loaded.
    if (!textarea.isConnected || textarea !== field || editor) return;
    const hadFocus = document.activeElement === textarea;
    const before = textarea.value.slice(0, textarea.selectionStart);
    editor = create(textarea, { onChange: () => textarea.dispatchEvent(new Event('input', { bubbles: true })) });
    textarea.parentElement?.setAttribute('data-editor', 'ready');
    if (hadFocus) {
      const lines = before.split('\n');
      editor.goTo(lines.length, lines.at(-1)!.length + 1);
    }
    if (view.querySelector<HTMLInputElement>('input[data-vim-keys]')?.checked) await applyVimKeys(true);
  }

  view.addEventListener('change', (e) => {
    const box = e.target as HTMLInputElement;
    if (!box.hasAttribute('data-vim-keys')) return;
    rememberVimKeys(box.checked);
    if (editor) void applyVimKeys(box.checked);
    else if (field) void open(field);
  });

  return {
    attach() {
      if (editor && !field?.isConnected) {
        editor.destroy();
        editor = null;
      }
      field = view.querySelector<HTMLTextAreaElement>('textarea[data-answer]');
      const box = view.querySelector<HTMLInputElement>('input[data-vim-keys]');
      if (box) box.checked = vimKeysPreferred();
      const textarea = field;
      if (!textarea) return;
      const onIntent = () => {
        for (const type of INTENT) textarea.removeEventListener(type, onIntent);
        void open(textarea);
      };
      for (const type of INTENT) textarea.addEventListener(type, onIntent);
    },
    showDiagnostics(diagnostics) {
      editor?.setDiagnostics(diagnostics);
    },
  };
}
