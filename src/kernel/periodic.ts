// Background jobs that each app server runs now and then at a fixed interval (expired sessions,
// deadline reminders). A tick is skipped while the previous run is still going, so a slow database
// never stacks runs; the timer does not keep the process alive.

export interface Periodic {
  /** Stops the timer; a run in progress goes on. */
  stop(): void;
  /** Settles when the run in progress (if any) has finished. */
  idle(): Promise<void>;
}

/** Runs `job` now and then every `everyMs`. `job` handles its own failures (it logs them and is retried at the next tick). */
export function repeatEvery(everyMs: number, job: () => Promise<void>): Periodic {
  let running: Promise<void> | null = null;
  const tick = () => {
    running ??= job().finally(() => {
      running = null;
    });
  };
  tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer), idle: async () => running ?? undefined };
}
