/**
 * Only the latest answer, per slot of loading (the folders, one folder's documents, a search, a
 * count): a new run of a slot aborts the one before it, and only the latest run's answer or error
 * comes back; a superseded run's, its AbortError too, is dropped without a word. The idea of
 * @lit/task's Task (a signal per run, only the last run's result used), without its states.
 */
export class Latest {
  private readonly runs = new Map<string, AbortController>();

  /**
   * Runs `load` with a signal of its own (for the SDK call), aborting the run of `slot` in flight.
   * Settles as `load` does while it is the slot's latest run; never once it was aborted (by a newer
   * run or by `abort`).
   */
  run<T>(load: (signal: AbortSignal) => Promise<T>, slot = ''): Promise<T> {
    this.abort(slot);
    const ctl = new AbortController();
    this.runs.set(slot, ctl);
    // Settled by the latest run only; it then leaves the slot.
    const latest = () => !ctl.signal.aborted && this.runs.delete(slot);
    return new Promise((resolve, reject) => {
      void load(ctl.signal).then(
        (v) => latest() && resolve(v),
        (e: unknown) => latest() && reject(e),
      );
    });
  }

  /** Aborts the run of `slot` in flight, or of every slot; says whether one was. */
  abort(slot?: string): boolean {
    let cut = false;
    for (const [s, ctl] of this.runs)
      if (slot === undefined || s === slot) {
        ctl.abort();
        cut = this.runs.delete(s);
      }
    return cut;
  }
}
