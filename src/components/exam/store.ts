/** The page's one progress store (browser storage, or memory when storage is unavailable). */
import { browserStorage, openProgress, type ProgressStore } from '../../lib/exam/storage';

let store: ProgressStore | undefined;

export function progressStore(): ProgressStore {
  return (store ??= openProgress(browserStorage()));
}

/** Shows the store's notice (corrupt data set aside, no storage) in the page's notice element, once. */
export function showNotice(root: Element): void {
  const notice = progressStore().notice;
  const el = root.querySelector<HTMLElement>('[data-notice]');
  if (!el || !notice) return;
  el.textContent = notice;
  el.hidden = false;
}

const VIM_KEYS_KEY = 'ica-guide:editor:vim-keys';

/** Whether the learner turned vim keys on ('1' stored; anything else, or no storage, means off). */
export function vimKeysPreferred(): boolean {
  return browserStorage()?.getItem(VIM_KEYS_KEY) === '1';
}

export function rememberVimKeys(on: boolean): void {
  try {
    browserStorage()?.setItem(VIM_KEYS_KEY, on ? '1' : '0');
  } catch {
    // Storage full or refused: the choice lasts for this page only.
  }
}
