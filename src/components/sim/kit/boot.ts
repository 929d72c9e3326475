/**
 * The only simulator code a page loads before the reader shows intent. Each simulator's component calls
 * `bootSim(tag, () => import('./element'))`: the controls become usable at once (keyboard users can reach
 * them), and the element module (its `defineSim` call, presets and the kit's element) loads on the first
 * pointerenter, focusin, touchstart or input inside the simulator. What the reader does before that module
 * has upgraded the element (typing, moving a slider, clicking a button, pressing a key, submitting) is
 * queued and replayed, in order, once it has; the element then also runs once if its fields differ from the
 * page's (kit/element.ts).
 */

/** Something the reader did before the upgrade, replayed on the same target afterwards. */
interface Early {
  type: string;
  target: Element;
  key: string;
}

const INTENT = ['pointerenter', 'focusin', 'touchstart', 'input'];
const QUEUED = ['input', 'click', 'keydown', 'submit'];

function replay({ type, target, key }: Early): void {
  if (type === 'submit') (target as HTMLFormElement).requestSubmit();
  else if (type === 'click') (target as HTMLElement).click();
  else target.dispatchEvent(type === 'keydown' ? new KeyboardEvent(type, { key, bubbles: true }) : new Event(type, { bubbles: true }));
}

export function bootSim(tag: string, load: () => Promise<unknown>): void {
  for (const sim of document.querySelectorAll<HTMLElement>(`${tag}:not([data-enhanced])`)) {
    const error = sim.querySelector<HTMLElement>('.sim-error')!;
    const early: Early[] = [];
    const remember = (e: Event) => {
      const target = e.target as Element;
      // Before the upgrade nothing handles a submit, and the page must not reload.
      if (e.type === 'submit') e.preventDefault();
      // Clicks matter on plain buttons only; a run button's click arrives as the submit.
      if (e.type !== 'click' || target.closest('button[type="button"]')) early.push({ type: e.type, target, key: (e as KeyboardEvent).key });
    };
    let loading: Promise<unknown> | undefined;
    const upgrade = () => {
      loading ??= load().then(
        () => {
          for (const type of QUEUED) sim.removeEventListener(type, remember);
          for (const type of INTENT) sim.removeEventListener(type, upgrade);
          error.hidden = true;
          for (const e of early.splice(0)) replay(e);
        },
        () => {
          // Offline or a failed download: say so, and try again on the next sign of intent.
          loading = undefined;
          error.textContent = 'The simulator could not load its script (network problem?). Try again in a moment.';
          error.hidden = false;
        },
      );
    };
    for (const type of QUEUED) sim.addEventListener(type, remember);
    for (const type of INTENT) sim.addEventListener(type, upgrade, { passive: true });
    sim.querySelector('.sim-inputs')!.removeAttribute('disabled');
    for (const el of sim.querySelectorAll<HTMLElement>('.sim-presets, .sim-run')) el.hidden = false;
    for (const el of sim.querySelectorAll<HTMLElement>('.sim-nojs')) el.hidden = true;
    sim.dataset['enhanced'] = 'true';
  }
}
