/**
 * Leitner boxes for the drills: a card starts in box 1; "again" (1) sends it back to box 1, "hard" (2) keeps
 * its box, "good" (3) moves it up one box. A card is due again after its box's interval.
 */
export const BOX_DAYS = [0, 1, 3, 7, 14] as const;
export const MAX_BOX = BOX_DAYS.length;
const DAY = 86_400_000;

export interface CardState {
  /** 1..MAX_BOX */
  box: number;
  /** Epoch ms when the card is due. */
  due: number;
}

export type Grade = 1 | 2 | 3;

export function review(state: CardState | undefined, grade: Grade, now: number): CardState {
  const box = state?.box ?? 1;
  const next = grade === 1 ? 1 : grade === 2 ? box : Math.min(MAX_BOX, box + 1);
  return { box: next, due: now + BOX_DAYS[next - 1]! * DAY };
}

/** Cards due now: new cards and those whose time has come, lowest box first, then in deck order. */
export function dueCards<T extends { id: string }>(cards: readonly T[], states: Record<string, CardState>, now: number): T[] {
  return cards
    .map((card, index) => ({ card, index, state: states[card.id] }))
    .filter((x) => !x.state || x.state.due <= now)
    .sort((a, b) => (a.state?.box ?? 0) - (b.state?.box ?? 0) || a.index - b.index)
    .map((x) => x.card);
}
