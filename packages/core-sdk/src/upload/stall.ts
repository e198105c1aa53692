/**
 * Stall detection: a request whose bytes stop moving for `idleMs` is cut, however long it runs
 * while they move (a total timeout would cut a large chunk on a slow but steady connection).
 */

/**
 * Starts waiting: `onStall` runs once `idleMs` pass without progress (never when `idleMs` is 0).
 * Call the returned function on each progress to wait anew, and with `false` when the request
 * ended.
 */
export function watchStall(idleMs: number, onStall: () => void): (moving?: boolean) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const progress = (moving = true) => {
    clearTimeout(timer);
    if (moving && idleMs > 0) timer = setTimeout(onStall, idleMs);
  };
  progress();
  return progress;
}
