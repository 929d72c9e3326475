import { describe, expect, it } from 'vitest';
import { BACKUP_KEY, emptyProgress, exportProgress, openProgress, readProgress, STORAGE_KEY, type KeyValueStore } from '~/lib/exam/storage';

class MemoryStore implements KeyValueStore {
  map = new Map<string, string>();
  failWrites = false;
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    if (this.failWrites) throw new Error('QuotaExceededError');
    this.map.set(k, v);
  }
}

const saved = () => {
  const p = emptyProgress();
  p.pagesRead.push('/traffic/fault-injection/');
  p.tasks['route-jason-to-v2'] = { best: 1, last: 0.5, at: 1 };
  p.cards['flag-NC'] = { box: 2, due: 5 };
  return p;
};

describe('progress storage', () => {
  it('round-trips through storage and through an export file', () => {
    const s = new MemoryStore();
    const store = openProgress(s);
    expect(store.notice).toBeNull();
    store.replace(saved());
    const again = openProgress(s);
    expect(again.get()).toEqual(saved());
    const r = readProgress(exportProgress(again.get()));
    expect(r).toEqual({ ok: true, progress: saved() });
  });

  it.each([
    ['corrupt JSON', '{"version":1,', /not valid JSON/],
    ['foreign data', '{"theme":"dark"}', /not a progress file/],
    ['a future version', '{"version":2}', /version 2/],
    ['an unversioned old shape', '{"version":0,"pages":[]}', /version 0/],
    ['a wrong shape', JSON.stringify({ ...emptyProgress(), tasks: { x: { best: 7, last: 0, at: 0 } } }), /shape/],
    ['an extra field', JSON.stringify({ ...emptyProgress(), admin: true }), /shape/],
    ['a prototype key', `{"version":1,"__proto__":{"polluted":true}}`, /__proto__/],
    ['a constructor key inside', JSON.stringify(emptyProgress()).replace('"checks":{}', '"checks":{"constructor":3}'), /constructor/],
    ['10 MB', `{"version":1,"pad":"${'x'.repeat(10 * 1024 * 1024)}"}`, /MB/],
  ])('%s: starts fresh with a notice and sets the old data aside', (_name, raw, reason) => {
    const s = new MemoryStore();
    s.map.set(STORAGE_KEY, raw);
    const store = openProgress(s);
    expect(store.get()).toEqual(emptyProgress());
    expect(store.notice).toMatch(/start fresh/);
    expect(store.notice).toMatch(reason);
    expect(s.map.get(BACKUP_KEY)).toBe(raw);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('works without storage (private browsing) and says so', () => {
    const store = openProgress(null);
    expect(store.persistent).toBe(false);
    expect(store.notice).toMatch(/until you close this tab/);
    expect(store.update((p) => p.labsDone.push('/labs/fault-injection/'))).toBe(false);
    expect(store.get().labsDone).toEqual(['/labs/fault-injection/']);
  });

  it('keeps changes in memory and tells the learner when a write fails', () => {
    const s = new MemoryStore();
    const store = openProgress(s);
    s.failWrites = true;
    expect(store.update((p) => p.pagesRead.push('/a/'))).toBe(false);
    expect(store.get().pagesRead).toEqual(['/a/']);
    expect(store.notice).toMatch(/could not be saved/);
  });
});
