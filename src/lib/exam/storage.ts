/**
 * The learner's progress in browser storage: one JSON value under one key, with a version and a checked shape.
 * Anything that does not check (corrupt JSON, another app's data, a newer or older version, prototype keys,
 * an oversized value) is set aside under a backup key and replaced by a fresh start, with a notice. When storage
 * is unavailable (private browsing, disabled, full) progress lives in memory for the tab, also with a notice.
 */
import type { CardState } from './leitner';
import type { TimerState } from './timer';

export const STORAGE_KEY = 'ica-guide:progress';
export const BACKUP_KEY = 'ica-guide:progress:set-aside';
export const CURRENT_VERSION = 1;
/** A progress file larger than this is refused (a full year of use is well under 200 KB). */
export const MAX_PROGRESS_BYTES = 2 * 1024 * 1024;

export interface TaskRecord {
  /** Best and last score, 0..1. */
  best: number;
  last: number;
  at: number;
}

export interface MockResult {
  mockId: string;
  at: number;
  total: number;
  byDomain: Record<string, number>;
  passed: boolean;
  elapsedMs: number;
}

export interface ExamSession {
  mockId: string;
  answers: Record<string, string>;
  flagged: string[];
  current: number;
  timer: TimerState;
  /** Milliseconds spent on each task. */
  timeOnTask: Record<string, number>;
  /** Set once submitted: the review is graded again from the answers. */
  submittedAt: number | null;
}

export interface Progress {
  version: 1;
  pagesRead: string[];
  labsDone: string[];
  /** Self-marks of check-yourself questions (card id → 1 missed, 2 unsure, 3 knew). */
  checks: Record<string, 1 | 2 | 3>;
  tasks: Record<string, TaskRecord>;
  mocks: MockResult[];
  cards: Record<string, CardState>;
  session: ExamSession | null;
  /** Practice drafts, per task. */
  drafts: Record<string, string>;
}

export const emptyProgress = (): Progress => ({ version: 1, pagesRead: [], labsDone: [], checks: {}, tasks: {}, mocks: [], cards: {}, session: null, drafts: {} });

// ---------- shape checks ----------

type Check = (v: unknown) => boolean;
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
const num: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const unit: Check = (v) => num(v) && (v as number) >= 0 && (v as number) <= 1;
const str: Check = (v) => typeof v === 'string' && v.length <= 300_000;
const bool: Check = (v) => typeof v === 'boolean';
const listOf = (c: Check, max = 5000): Check => (v) => Array.isArray(v) && v.length <= max && v.every(c);
const recordOf = (c: Check, max = 5000): Check => (v) => isObj(v) && Object.keys(v).length <= max && Object.values(v).every(c);
const shape = (fields: Record<string, Check>): Check => (v) => isObj(v) && Object.keys(v).every((k) => k in fields) && Object.entries(fields).every(([k, c]) => c(v[k]));
const orNull = (c: Check): Check => (v) => v === null || c(v);

const timerState = shape({ durationMs: num, elapsedMs: num, savedAt: orNull(num) });
const session = shape({ mockId: str, answers: recordOf(str, 100), flagged: listOf(str, 100), current: num, timer: timerState, timeOnTask: recordOf(num, 100), submittedAt: orNull(num) });
const progressShape = shape({
  version: (v) => v === CURRENT_VERSION,
  pagesRead: listOf(str),
  labsDone: listOf(str),
  checks: recordOf((v) => v === 1 || v === 2 || v === 3),
  tasks: recordOf(shape({ best: unit, last: unit, at: num })),
  mocks: listOf(shape({ mockId: str, at: num, total: unit, byDomain: recordOf(unit, 10), passed: bool, elapsedMs: num }), 500),
  cards: recordOf(shape({ box: (v) => num(v) && Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 5, due: num })),
  session: orNull(session),
  drafts: recordOf(str, 500),
});

export type ReadResult = { ok: true; progress: Progress } | { ok: false; reason: string };

/** Parses and checks a progress JSON text (from storage or an imported file). Never throws. */
export function readProgress(text: string): ReadResult {
  if (text.length > MAX_PROGRESS_BYTES) return { ok: false, reason: `the data is ${Math.round(text.length / 1024)} KB, more than the ${MAX_PROGRESS_BYTES / 1024 / 1024} MB a progress file can be` };
  let value: unknown;
  let prototypeKey = false;
  try {
    value = JSON.parse(text, (key, v: unknown) => {
      if (key === '__proto__' || key === 'constructor' || key === 'prototype') prototypeKey = true;
      return v;
    });
  } catch {
    return { ok: false, reason: 'the data is not valid JSON' };
  }
  if (prototypeKey) return { ok: false, reason: 'the data contains a __proto__, constructor or prototype key' };
  if (!isObj(value) || !('version' in value)) return { ok: false, reason: 'the data is not a progress file of this site' };
  if (value.version !== CURRENT_VERSION) return { ok: false, reason: `the data has version ${JSON.stringify(value.version).slice(0, 20)}; this site reads version ${CURRENT_VERSION}` };
  if (!progressShape(value)) return { ok: false, reason: 'the data does not have the shape of a progress file' };
  return { ok: true, progress: value as unknown as Progress };
}

// ---------- the store ----------

/** The part of Web Storage the store uses (so tests can pass a fake). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface ProgressStore {
  get(): Progress;
  /** Applies a change and saves it; returns false when it could not be saved (kept in memory). */
  update(change: (p: Progress) => void): boolean;
  replace(p: Progress): boolean;
  /** A message for the learner when something was set aside or storage is unavailable. */
  notice: string | null;
  persistent: boolean;
}

/** The browser's localStorage, or null when it cannot be used (private modes, disabled storage). */
export function browserStorage(): KeyValueStore | null {
  try {
    const s = window.localStorage;
    const probe = `${STORAGE_KEY}:probe`;
    s.setItem(probe, '1');
    s.removeItem(probe);
    return s;
  } catch {
    return null;
  }
}

export function openProgress(storage: KeyValueStore | null): ProgressStore {
  let progress = emptyProgress();
  let notice: string | null = null;
  let persistent = storage !== null;
  if (!storage) notice = 'This browser does not let the site store data (private browsing or storage turned off): your progress lasts until you close this tab. Export it to keep it.';
  else {
    let raw: string | null = null;
    try {
      raw = storage.getItem(STORAGE_KEY);
    } catch {
      persistent = false;
      notice = 'Stored progress could not be read: your progress lasts until you close this tab.';
    }
    if (raw !== null) {
      const r = readProgress(raw);
      if (r.ok) progress = r.progress;
      else {
        try {
          storage.setItem(BACKUP_KEY, raw);
        } catch {
          /* the backup is best effort: the notice still tells what happened */
        }
        notice = `Saved progress could not be used (${r.reason}), so you start fresh. The old data was set aside, not deleted.`;
      }
    }
  }
  const save = (): boolean => {
    if (!storage || !persistent) return false;
    try {
      storage.setItem(STORAGE_KEY, JSON.stringify(progress));
      return true;
    } catch {
      store.notice = 'Your progress could not be saved (storage is full or blocked). Export it to keep it.';
      return false;
    }
  };
  const store: ProgressStore = {
    get: () => progress,
    update(change) {
      change(progress);
      return save();
    },
    replace(p) {
      progress = p;
      return save();
    },
    notice,
    persistent,
  };
  return store;
}

/** The export file's text. */
export const exportProgress = (p: Progress) => JSON.stringify(p, null, 2);
