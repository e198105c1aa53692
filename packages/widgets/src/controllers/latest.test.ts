// Only the latest answer per slot (latest.ts), alone: what a new run aborts, which answers and
// errors come back, and that slots are apart. The elements' stale answers are tested with them.
import { expect } from '@open-wc/testing';
import { Latest } from './latest.ts';

/** A load whose answer the test gives when it likes, with the signal it was run with. */
function pending<T>() {
  let answer!: (v: T) => void;
  let fail!: (e: unknown) => void;
  const l = {
    signal: undefined as AbortSignal | undefined,
    answer: (v: T) => answer(v),
    fail: (e: unknown) => fail(e),
    load: (signal: AbortSignal) => {
      l.signal = signal;
      return new Promise<T>((res, rej) => ((answer = res), (fail = rej)));
    },
  };
  return l;
}

/** Watches `p`: `now()` is its answer, its error, or 'pending' (after `tick()`, for what is settled). */
function watch(p: Promise<unknown>): { now: () => unknown } {
  let out: unknown = 'pending';
  p.then(
    (v) => (out = v),
    (e) => (out = { error: e }),
  );
  return { now: () => out };
}
const tick = () => new Promise((r) => setTimeout(r, 10));

describe('Latest', () => {
  it('a new run aborts the one before; its answer, arriving last, never comes back', async () => {
    // Arrange
    const latest = new Latest();
    const [a, b] = [pending<string>(), pending<string>()];
    // Act
    const first = watch(latest.run(a.load));
    const second = watch(latest.run(b.load));
    b.answer('B');
    a.answer('A');
    await tick();
    // Assert
    expect([a.signal!.aborted, b.signal!.aborted]).to.deep.equal([true, false]);
    expect([first.now(), second.now()]).to.deep.equal(['pending', 'B']);
  });

  it('a superseded run’s error, its AbortError too, never comes back; the latest run’s does', async () => {
    const latest = new Latest();
    const [a, b, c] = [pending<string>(), pending<string>(), pending<string>()];
    const refused = new Error('refused');
    const first = watch(latest.run(a.load));
    const second = watch(latest.run(b.load));
    a.fail(new DOMException('aborted', 'AbortError'));
    b.fail(refused);
    await tick();
    expect([first.now(), second.now()]).to.deep.equal(['pending', { error: refused }]);
    // An error that comes once a newer run has started is the old run's: dropped.
    const third = watch(latest.run(c.load));
    latest.run(pending().load);
    c.fail(new Error('unavailable'));
    await tick();
    expect(third.now()).to.equal('pending');
  });

  it('slots are apart: a run aborts only its own slot’s; abort() aborts one slot or all and says whether one was in flight', async () => {
    // Arrange: the folders and two folders' documents on their way.
    const latest = new Latest();
    const [types, one, two, again] = [pending(), pending(), pending(), pending()];
    latest.run(types.load);
    latest.run(one.load, 'one');
    const second = watch(latest.run(two.load, 'two'));
    // Act + Assert: a new run of "one" aborts that slot's alone.
    latest.run(again.load, 'one');
    expect([types, one, two, again].map((l) => l.signal!.aborted)).to.deep.equal([false, true, false, false]);
    expect(latest.abort('two')).to.equal(true);
    expect(latest.abort('two'), 'nothing in flight any more').to.equal(false);
    two.answer('late');
    await tick();
    expect(second.now()).to.equal('pending');
    expect(latest.abort()).to.equal(true);
    expect([types, again].map((l) => l.signal!.aborted)).to.deep.equal([true, true]);
    expect(latest.abort()).to.equal(false);
  });

  it('a run that came back is no longer in flight', async () => {
    const latest = new Latest();
    const a = pending<number>();
    const run = watch(latest.run(a.load, 'x'));
    a.answer(1);
    await tick();
    expect(run.now()).to.equal(1);
    expect(latest.abort()).to.equal(false);
    expect(a.signal!.aborted).to.equal(false);
  });
});
