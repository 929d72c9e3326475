/**
 * The Check YAML page's behaviour, loaded on intent by CheckYaml.astro's small loader. The textarea and the
 * Check button work on their own; the CodeMirror editor (~/components/editor) is loaded next and takes over
 * the textarea when it arrives. The loader handles the form's submit (Check) and calls `check()`. Checks run in a Web Worker with a deadline, so the page never freezes.
 * Everything the user typed is set with textContent / value only.
 */
import { explainCode } from '~/data/analyzer-codes';
import type { EditorDiagnostic, YamlEditor } from '../editor/yaml-editor';
import type { CheckRequest, CheckResponse } from './check.worker';
import type { Finding, Severity } from './run-check';
import { decodeState, encodeState, maxSharedChars } from './share-hash';

/** A check that runs longer than this is stopped (the worker is ended and a new one started). */
const deadlineMs = 10_000;
/** Pause after the last keystroke in the editor before checking again. */
const typingPauseMs = 400;

const headings: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Info' };
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

interface Parts {
  form: HTMLFormElement;
  textarea: HTMLTextAreaElement;
  contexts: HTMLInputElement[];
  status: HTMLElement;
  note: HTMLElement;
  results: HTMLElement;
}

function parts(root: HTMLElement): Parts {
  const get = <T extends Element>(sel: string) => {
    const el = root.querySelector<T>(sel);
    if (!el) throw new Error(`check page: ${sel} is missing`);
    return el;
  };
  return {
    form: get<HTMLFormElement>('form'),
    textarea: get<HTMLTextAreaElement>('textarea'),
    contexts: [...root.querySelectorAll<HTMLInputElement>('input[name="context"]')],
    status: get<HTMLElement>('[data-check-status]'),
    note: get<HTMLElement>('[data-check-note]'),
    results: get<HTMLElement>('[data-check-results]'),
  };
}

class CheckPage {
  private worker: Worker | undefined;
  private nextId = 1;
  private pending: { id: number; timer: number } | undefined;
  private editor?: YamlEditor;
  private typingTimer?: number;

  constructor(private readonly p: Parts) {}

  async start(): Promise<void> {
    const { textarea, contexts } = this.p;
    for (const box of contexts) box.addEventListener('change', () => void this.check());
    textarea.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        void this.check();
      }
    });
    const shared = await decodeState(location.hash);
    if (shared) {
      textarea.value = shared.text;
      for (const box of contexts) box.checked = shared.context.includes(box.value);
    }
    // Start the worker now: it loads the checker while the reader types or pastes.
    this.ensureWorker();
    void this.loadEditor();
    if (shared) await this.check();
  }

  private async loadEditor(): Promise<void> {
    try {
      const { createYamlEditor } = await import('../editor/yaml-editor');
      const hadFocus = document.activeElement === this.p.textarea;
      this.editor = createYamlEditor(this.p.textarea, {
        onChange: () => {
          window.clearTimeout(this.typingTimer);
          this.typingTimer = window.setTimeout(() => void this.check(), typingPauseMs);
        },
      });
      this.p.form.dataset.editor = 'ready';
      if (hadFocus) this.editor.focus();
    } catch {
      this.p.form.dataset.editor = 'failed';
      this.p.note.textContent = 'The editor could not load; the plain text box below still checks your YAML.';
    }
  }

  private text(): string {
    return this.editor?.getText() ?? this.p.textarea.value;
  }

  private context(): string[] {
    return this.p.contexts.filter((b) => b.checked).map((b) => b.value);
  }

  private ensureWorker(): Worker {
    if (!this.worker) {
      this.worker = new Worker(new URL('./check.worker.ts', import.meta.url), { type: 'module' });
      this.worker.onmessage = (e: MessageEvent<CheckResponse>) => this.receive(e.data);
    }
    return this.worker;
  }

  async check(): Promise<void> {
    const text = this.text();
    const context = this.context();
    if (this.pending) window.clearTimeout(this.pending.timer);
    const id = this.nextId++;
    const timer = window.setTimeout(() => this.stopAtDeadline(id), deadlineMs);
    this.pending = { id, timer };
    this.p.results.setAttribute('aria-busy', 'true');
    const request: CheckRequest = { id, text, context };
    this.ensureWorker().postMessage(request);
    await this.share(text, context);
  }

  private stopAtDeadline(id: number): void {
    if (this.pending?.id !== id) return;
    this.worker?.terminate();
    this.worker = undefined;
    this.pending = undefined;
    this.p.results.setAttribute('aria-busy', 'false');
    this.p.status.textContent = `The check was stopped after ${deadlineMs / 1000} s (time limit). Your text is kept; try a smaller part of it.`;
  }

  private receive(reply: CheckResponse): void {
    if (this.pending?.id !== reply.id) return; // an older check, superseded
    window.clearTimeout(this.pending.timer);
    this.pending = undefined;
    this.p.results.setAttribute('aria-busy', 'false');
    if ('error' in reply) {
      this.p.status.textContent = `The check failed: ${reply.error}. Your text is kept.`;
      return;
    }
    const { findings, documents, limit } = reply.outcome;
    this.render(findings);
    this.p.results.dataset.ms = reply.ms.toFixed(1);
    const counts = (['error', 'warning', 'info'] as const).map((s) => [s, findings.filter((f) => f.severity === s).length] as const).filter(([, n]) => n > 0);
    const summary = findings.length === 0
      ? `No findings in ${plural(documents, 'document')}.`
      : `${plural(findings.length, 'finding')} in ${plural(documents, 'document')}: ${counts.map(([s, n]) => plural(n, s === 'info' ? 'info' : s, s === 'info' ? 'info' : undefined)).join(', ')}.`;
    this.p.status.textContent = limit ? `${summary} Stopped at a limit: ${limit}.` : summary;
    this.editor?.setDiagnostics(findings.map((f): EditorDiagnostic => ({ line: f.line, column: f.column, severity: f.severity, message: `${f.code}: ${f.message}` })));
  }

  private render(findings: Finding[]): void {
    const { results } = this.p;
    results.replaceChildren();
    for (const severity of ['error', 'warning', 'info'] as const) {
      const group = findings.filter((f) => f.severity === severity);
      if (group.length === 0) continue;
      const section = document.createElement('section');
      section.className = `check-group check-group--${severity}`;
      const h = document.createElement('h3');
      h.textContent = `${headings[severity]} (${group.length})`;
      const list = document.createElement('ol');
      list.className = 'check-findings';
      for (const f of group) list.append(this.item(f));
      section.append(h, list);
      results.append(section);
    }
  }

  private item(f: Finding): HTMLLIElement {
    const li = document.createElement('li');
    const go = document.createElement('button');
    go.type = 'button';
    go.className = 'check-finding';
    const where = document.createElement('span');
    where.className = 'check-finding__where';
    where.textContent = `Line ${f.line} · ${f.code}${f.resource ? ` · ${f.resource}` : ''}`;
    const message = document.createElement('span');
    message.className = 'check-finding__message';
    message.textContent = `${f.tool}: ${f.message}`;
    go.append(where, message);
    go.addEventListener('click', () => this.goTo(f.line, f.column));
    li.append(go);
    const about = explainCode(f.code);
    if (about) {
      const p = document.createElement('p');
      p.className = 'check-finding__explain';
      p.textContent = `${about.summary} `;
      const a = document.createElement('a');
      a.href = about.href;
      a.textContent = about.linkText;
      p.append(a);
      li.append(p);
    }
    return li;
  }

  private goTo(line: number, column: number): void {
    if (this.editor) {
      this.editor.goTo(line, column);
      return;
    }
    const { textarea } = this.p;
    const lines = textarea.value.split('\n');
    let offset = 0;
    for (let i = 0; i < Math.min(line - 1, lines.length); i++) offset += lines[i]!.length + 1;
    offset += Math.max(0, Math.min(column - 1, (lines[line - 1] ?? '').length));
    textarea.focus();
    textarea.setSelectionRange(offset, offset);
    const lineHeight = parseFloat(getComputedStyle(textarea).lineHeight) || 20;
    textarea.scrollTop = Math.max(0, (line - 3) * lineHeight);
  }

  private async share(text: string, context: string[]): Promise<void> {
    if (text.length > maxSharedChars) {
      this.p.note.textContent = `The text is longer than ${maxSharedChars / 1024} KiB, so it is not kept in the page address.`;
      history.replaceState(null, '', location.pathname + location.search);
      return;
    }
    if (this.p.form.dataset.editor !== 'failed') this.p.note.textContent = '';
    const hash = text === '' && context.length === 0 ? '' : `#${await encodeState({ text, context })}`;
    history.replaceState(null, '', location.pathname + location.search + hash);
  }
}

let started: Promise<CheckPage> | undefined;

/** Starts the page once (later calls return the same instance). */
export function startCheckPage(root: HTMLElement): Promise<CheckPage> {
  started ??= (async () => {
    const page = new CheckPage(parts(root));
    await page.start();
    return page;
  })();
  return started;
}
