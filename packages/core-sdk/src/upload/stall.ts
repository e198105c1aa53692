/**
 * Stall detection: a request whose bytes stop moving for `idleMs` is cut, however long it runs
 * while they move (a total timeout would cut a large chunk on a slow but steady connection).
 */
export interface Stall {
  /** Bytes moved: the wait starts again. */
  progress(): void;
  /** The request ended: no more waiting. */
  stop(): void;
  /** Whether it stalled (and `onStall` ran). */
  readonly stalled: boolean;
}

/** Starts waiting at once; `idleMs` of 0 never stalls. */
export function watchStall(idleMs: number, onStall: () => void): Stall {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stall = {
    stalled: false,
    progress() {
      clearTimeout(timer);
      if (idleMs > 0)
        timer = setTimeout(() => {
          stall.stalled = true;
          onStall();
        }, idleMs);
    },
    stop: () => clearTimeout(timer),
  };
  stall.progress();
  return stall;
}
