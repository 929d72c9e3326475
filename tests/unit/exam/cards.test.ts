import { describe, expect, it } from 'vitest';
import { commands } from '~/data/commands';
import { allCards, checkYourselfCards, codeCards, defaultsCards, flagCards, plainText, tableRows } from '~/lib/exam/cards';

describe('drill cards from the site', () => {
  it('reads every check-yourself question with its answer', () => {
    const cards = checkYourselfCards();
    expect(cards.length).toBeGreaterThan(50);
    for (const c of cards) {
      expect(c.front.length, c.id).toBeGreaterThan(10);
      expect(c.back.length, c.id).toBeGreaterThan(10);
      expect(c.front + c.back, c.id).not.toMatch(/<\/?(details|summary|code)>/);
    }
    expect(cards.find((c) => c.source === '/exam/exam-day/')?.front).toBe('What do you do at the very start of every task, before writing any YAML?');
  });
  it('has the response flags the site teaches', () => {
    const flags = flagCards().map((c) => c.id.split(':')[1]);
    for (const f of ['NR', 'NC', 'UH', 'UF', 'UO', 'URX', 'DC']) expect(flags).toContain(f);
    expect(flagCards().find((c) => c.id === 'flags:NC')?.back).toMatch(/cluster that does not exist.*503/);
  });
  it('has the IST codes and the defaults tables', () => {
    expect(codeCards().find((c) => c.id === 'codes:IST0101')?.back).toMatch(/^ReferencedResourceNotFound \(Error\)/);
    expect(defaultsCards().some((c) => /Retries/.test(c.front) && /2 attempts/.test(c.back))).toBe(true);
  });
  it('ids are unique across decks', () => {
    const cards = allCards(commands);
    expect(new Set(cards.map((c) => c.id)).size).toBe(cards.length);
    expect(cards.some((c) => c.deck === 'commands')).toBe(true);
  });
  it('turns markdown into plain text', () => {
    expect(plainText('<code>a</code> and `b` [link](/x/)')).toBe('a and b link');
    expect(tableRows('| A | B |\n| --- | --- |\n| `x` | y \\| z |')).toEqual([['x', 'y \\| z']]);
  });
});
