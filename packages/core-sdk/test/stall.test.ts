import assert from 'node:assert/strict';
import { describe, it, mock } from 'node:test';
import { watchStall } from '../src/upload/stall.ts';

describe('watchStall: a request is cut when its bytes stop moving, never while they move', () => {
  it('stalls after idleMs without progress; each progress starts the wait again', () => {
    mock.timers.enable({ apis: ['setTimeout'] });
    try {
      let cut = 0;
      const stall = watchStall(100, () => cut++);
      mock.timers.tick(99);
      stall.progress();
      mock.timers.tick(99);
      stall.progress();
      mock.timers.tick(99);
      assert.deepEqual([cut, stall.stalled], [0, false], 'moving for 297 ms: not stalled');
      mock.timers.tick(1);
      assert.deepEqual([cut, stall.stalled], [1, true]);
    } finally {
      mock.timers.reset();
    }
  });

  it('does nothing once stopped, and never with idleMs 0', () => {
    mock.timers.enable({ apis: ['setTimeout'] });
    try {
      let cut = 0;
      watchStall(100, () => cut++).stop();
      const never = watchStall(0, () => cut++);
      never.progress();
      mock.timers.tick(10_000);
      assert.deepEqual([cut, never.stalled], [0, false]);
    } finally {
      mock.timers.reset();
    }
  });
});
