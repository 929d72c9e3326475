/**
 * The exam clock. Elapsed time is measured with a monotonic source (performance.now) while the page is open, so
 * changing the system clock does not move it; across a reload the saved elapsed time continues from the saved
 * wall-clock time, and a clock set backwards never gives time back.
 */
export interface Clock {
  /** Monotonic milliseconds (performance.now). */
  monotonic(): number;
  /** Wall-clock milliseconds (Date.now), only used across reloads. */
  wall(): number;
}

export const browserClock: Clock = { monotonic: () => performance.now(), wall: () => Date.now() };

/** What is saved with the exam session. */
export interface TimerState {
  durationMs: number;
  elapsedMs: number;
  /** Wall-clock time of the save; null while paused (practice). */
  savedAt: number | null;
}

/** Minutes left at which screen readers hear an announcement. */
export const ANNOUNCE_AT_MINUTES = [30, 10, 5] as const;

export class ExamTimer {
  private baseElapsed: number;
  private startMono: number;
  private announced = new Set<number>();

  constructor(
    private readonly state: TimerState,
    private readonly clock: Clock,
  ) {
    const away = state.savedAt === null ? 0 : Math.max(0, clock.wall() - state.savedAt);
    this.baseElapsed = Math.min(state.durationMs, Math.max(0, state.elapsedMs) + away);
    this.startMono = clock.monotonic();
    // Thresholds already passed before a reload are not announced again.
    for (const m of ANNOUNCE_AT_MINUTES) if (this.remainingMs() <= m * 60_000) this.announced.add(m);
  }

  elapsedMs(): number {
    return Math.min(this.state.durationMs, this.baseElapsed + Math.max(0, this.clock.monotonic() - this.startMono));
  }

  remainingMs(): number {
    return Math.max(0, this.state.durationMs - this.elapsedMs());
  }

  expired(): boolean {
    return this.remainingMs() === 0;
  }

  /** The announcement due now (once per threshold), or null. */
  announcement(): string | null {
    const left = this.remainingMs();
    for (const m of ANNOUNCE_AT_MINUTES) {
      if (left <= m * 60_000 && !this.announced.has(m)) {
        for (const n of ANNOUNCE_AT_MINUTES) if (n >= m) this.announced.add(n);
        return `${m} minutes left.`;
      }
    }
    return null;
  }

  snapshot(): TimerState {
    return { durationMs: this.state.durationMs, elapsedMs: Math.round(this.elapsedMs()), savedAt: this.clock.wall() };
  }
}

/** `1:59:58` / `4:05` */
export function formatRemaining(ms: number): string {
  const s = Math.ceil(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}
