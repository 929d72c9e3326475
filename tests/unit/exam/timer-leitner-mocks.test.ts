import { describe, expect, it } from 'vitest';
import { examDomains } from '~/data/curriculum';
import { domainOf, taskById, tasks } from '~/data/tasks';
import { BOX_DAYS, dueCards, review } from '~/lib/exam/leitner';
import { fixedMocks, findMock, MOCK_SHAPE, randomMock, scoreMock } from '~/lib/exam/mocks';
import { ExamTimer, formatRemaining, type Clock } from '~/lib/exam/timer';

const MIN = 60_000;
class FakeClock implements Clock {
  mono = 1000;
  wallMs = Date.UTC(2026, 0, 1);
  monotonic() {
    return this.mono;
  }
  wall() {
    return this.wallMs;
  }
  advance(ms: number) {
    this.mono += ms;
    this.wallMs += ms;
  }
}

describe('exam timer', () => {
  it('counts down on the monotonic clock and ignores a wall-clock change', () => {
    const c = new FakeClock();
    const t = new ExamTimer({ durationMs: 120 * MIN, elapsedMs: 0, savedAt: null }, c);
    c.advance(10 * MIN);
    c.wallMs -= 3 * 3600_000; // the system clock is set back three hours
    expect(t.remainingMs()).toBe(110 * MIN);
    c.wallMs += 48 * 3600_000; // and forward two days
    expect(t.remainingMs()).toBe(110 * MIN);
  });

  it('announces 30, 10 and 5 minutes left once each', () => {
    const c = new FakeClock();
    const t = new ExamTimer({ durationMs: 120 * MIN, elapsedMs: 0, savedAt: null }, c);
    const heard: string[] = [];
    for (let m = 0; m < 120; m++) {
      c.advance(MIN);
      const a = t.announcement();
      if (a) heard.push(a);
    }
    expect(heard).toEqual(['30 minutes left.', '10 minutes left.', '5 minutes left.']);
    expect(t.expired()).toBe(true);
  });

  it('continues across a reload from the saved elapsed time, never giving time back', () => {
    const c = new FakeClock();
    const t = new ExamTimer({ durationMs: 120 * MIN, elapsedMs: 0, savedAt: null }, c);
    c.advance(95 * MIN);
    const saved = t.snapshot();
    c.advance(2 * MIN); // the page is closed for two minutes
    const after = new ExamTimer(saved, c);
    expect(after.remainingMs()).toBe(23 * MIN);
    expect(after.announcement()).toBeNull(); // 30 minutes was passed before the reload
    const back = new FakeClock();
    back.wallMs = saved.savedAt! - 3600_000; // clock set back while closed
    expect(new ExamTimer(saved, back).remainingMs()).toBe(25 * MIN);
  });

  it('formats the time left', () => {
    expect(formatRemaining(120 * MIN)).toBe('2:00:00');
    expect(formatRemaining(4 * MIN + 5000)).toBe('4:05');
  });
});

describe('Leitner scheduling', () => {
  const day = 86_400_000;
  it('moves cards between boxes by grade', () => {
    let s = review(undefined, 3, 0);
    expect(s).toEqual({ box: 2, due: BOX_DAYS[1] * day });
    s = review(s, 3, 0);
    expect(s.box).toBe(3);
    expect(review(s, 2, 0).box).toBe(3);
    expect(review(s, 1, 0)).toEqual({ box: 1, due: 0 });
    let top = s;
    for (let i = 0; i < 10; i++) top = review(top, 3, 0);
    expect(top.box).toBe(5);
  });
  it('lists new and due cards, lowest box first', () => {
    const cards = [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }];
    const states = { a: { box: 3, due: 0 }, b: { box: 2, due: 10 * day }, c: { box: 1, due: 0 } };
    expect(dueCards(cards, states, day).map((c) => c.id)).toEqual(['d', 'c', 'a']);
  });
});

describe('mocks', () => {
  it('three fixed mocks of 15 tasks, shaped like the exam, no task in two mocks', () => {
    const seen = new Set<string>();
    for (const m of fixedMocks) {
      expect(m.taskIds).toHaveLength(15);
      for (const d of examDomains) expect(m.taskIds.filter((id) => domainOf(taskById.get(id)!) === d.id)).toHaveLength(MOCK_SHAPE[d.id]);
      for (const id of m.taskIds) {
        expect(seen.has(id), id).toBe(false);
        seen.add(id);
      }
    }
  });
  it('a random mock is reproducible from its seed and has no repeats', () => {
    const a = randomMock(42);
    expect(findMock(a.id)).toEqual(a);
    expect(new Set(a.taskIds).size).toBe(15);
    expect(randomMock(43).taskIds).not.toEqual(a.taskIds);
  });
  it('weights domains like the exam and passes at 68%', () => {
    const m = fixedMocks[0]!.taskIds.map((id) => taskById.get(id)!);
    const only = (domain: string) => Object.fromEntries(m.map((t) => [t.id, domainOf(t) === domain ? 1 : 0]));
    expect(scoreMock(m, only('traffic')).total).toBeCloseTo(0.35);
    expect(scoreMock(m, only('install')).total).toBeCloseTo(0.2);
    const all = Object.fromEntries(m.map((t) => [t.id, 1]));
    const noSecurity = { ...all, ...Object.fromEntries(m.filter((t) => domainOf(t) === 'security').map((t) => [t.id, 0])) };
    expect(scoreMock(m, noSecurity)).toMatchObject({ total: 0.75, passed: true });
    const noTraffic = { ...all, ...Object.fromEntries(m.filter((t) => domainOf(t) === 'traffic').map((t) => [t.id, 0])) };
    expect(scoreMock(m, noTraffic)).toMatchObject({ passed: false });
  });
  it('the bank is large enough for the mocks', () => {
    expect(tasks.length).toBeGreaterThanOrEqual(45);
  });
});
