/**
 * Drills: Leitner-box cards. Space (or the button) shows the answer; 1, 2, 3 grade it (again, hard, good).
 * Card states live in progress storage; check-yourself grades also count as self-marks on the progress page.
 */
import type { Card, Deck } from '../../lib/exam/cards';
import { dueCards, review, type Grade } from '../../lib/exam/leitner';
import { h, render } from '../sim/kit/vnode';
import { progressStore, showNotice } from './store';

const GRADES: { grade: Grade; label: string }[] = [
  { grade: 1, label: 'Again' },
  { grade: 2, label: 'Hard' },
  { grade: 3, label: 'Good' },
];

export function mountDrills(root: HTMLElement, cards: Card[]): void {
  const store = progressStore();
  const stage = root.querySelector<HTMLElement>('[data-drill-stage]')!;
  const live = root.querySelector<HTMLElement>('[data-drill-live]')!;
  let flipped = false;
  showNotice(root);

  const decks = () => new Set([...root.querySelectorAll<HTMLInputElement>('input[data-deck]:checked')].map((i) => i.value as Deck));
  const queue = () => dueCards(cards.filter((c) => decks().has(c.deck)), store.get().cards, Date.now());

  function paint(focus: 'card' | 'grade' | null): void {
    const due = queue();
    const card = due[0];
    if (!card) {
      render(stage, [h('p', { id: 'drill-front', tabindex: '-1' }, 'No card is due in the chosen decks. Come back later, or choose more decks.')]);
      if (focus) stage.querySelector<HTMLElement>('#drill-front')?.focus();
      return;
    }
    render(stage, [
      h('p', { 'data-drill-count': String(due.length) }, `${due.length} card(s) due. Box ${store.get().cards[card.id]?.box ?? 'new'}.`),
      h('p', { id: 'drill-front', tabindex: '-1', class: 'text-lg font-semibold' }, card.front),
      flipped
        ? h('div', { class: 'flex flex-col gap-2' },
            h('p', { id: 'drill-back' }, card.back),
            h('p', { class: 'text-sm' }, 'From ', h('a', { href: card.source }, card.source)),
            h('div', { role: 'group', 'aria-label': 'How well did you know it?', class: 'flex flex-wrap gap-3' },
              GRADES.map((g) => h('button', { type: 'button', 'data-grade': String(g.grade), 'aria-keyshortcuts': String(g.grade) }, `${g.grade} ${g.label}`)),
            ),
          )
        : h('button', { type: 'button', 'data-action': 'flip', 'aria-keyshortcuts': 'Space', 'aria-expanded': 'false' }, 'Show answer (Space)'),
    ]);
    if (focus === 'card') stage.querySelector<HTMLElement>('button[data-action="flip"]')?.focus();
    if (focus === 'grade') stage.querySelector<HTMLElement>('button[data-grade="3"]')?.focus();
  }

  function flip(): void {
    if (flipped || !queue()[0]) return;
    flipped = true;
    paint('grade');
  }

  function grade(g: Grade): void {
    const card = queue()[0];
    if (!card || !flipped) return;
    store.update((p) => {
      p.cards[card.id] = review(p.cards[card.id], g, Date.now());
      if (card.deck === 'check') p.checks[card.id] = g;
    });
    flipped = false;
    live.textContent = `Graded ${GRADES[g - 1]!.label}.`;
    paint('card');
  }

  root.addEventListener('click', (e) => {
    const b = (e.target as HTMLElement).closest<HTMLButtonElement>('button');
    if (!b) return;
    if (b.dataset['action'] === 'flip') flip();
    if (b.dataset['grade']) grade(Number(b.dataset['grade']) as Grade);
  });
  root.addEventListener('change', (e) => {
    if ((e.target as HTMLElement).hasAttribute('data-deck')) {
      flipped = false;
      paint(null);
    }
  });
  root.addEventListener('keydown', (e) => {
    const t = e.target as HTMLElement;
    if (t.closest('input, textarea, select, a')) return;
    if (e.key === ' ' && !flipped) {
      e.preventDefault();
      flip();
    } else if (flipped && (e.key === '1' || e.key === '2' || e.key === '3')) {
      e.preventDefault();
      grade(Number(e.key) as Grade);
    }
  });
  paint(null);
  root.removeAttribute('aria-busy');
}
