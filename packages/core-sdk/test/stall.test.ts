import assert from 'node:assert/strict';
import { describe, it, mock } from 'node:test';
import { watchStall } from '../src/upload/stall.ts';

describe('watchStall: a request is cut when its bytes stop moving, never while they move', () => {
  it('stalls after idleMs without progress; each progress starts the wait again', () => {
    mock.timers.enable({ apis: ['setTimeout'] });
    try {
      let cut = 0;
      const progressed = watchStall(100, () => cut++);
      mock.timers.tick(99);
      progressed();
      mock.timers.tick(99);
      progressed();
      mock.timers.tick(99);
      assert.equal(cut, 0, 'moving for 297 ms: not stalled');
      mock.timers.tick(1);
      assert.equal(cut, 1);
      mock.timers.tick(1000);
      assert.equal(cut, 1, 'once');
    } finally {
      mock.timers.reset();
    }
  });

  it('does nothing once the request ended, and never with idleMs 0', () => {
    mock.timers.enable({ apis: ['setTimeout'] });
    try {
      let cut = 0;
      watchStall(100, () => cut++)(false);
      watchStall(0, () => cut++)();
      mock.timers.tick(10_000);
      assert.equal(cut, 0);
    } finally {
      mock.timers.reset();
    }
  });
});
