import { workerThreadsFor } from './worker-threads';

describe('workerThreadsFor', () => {
  it('should run the check on half the cores, the calling thread included', () => {
    expect(workerThreadsFor(1, {}, 16)).toBe(7);
    expect(workerThreadsFor(1, {}, 8)).toBe(3);
    expect(workerThreadsFor(1, {}, 4)).toBe(1);
    expect(workerThreadsFor(1, {}, 3)).toBe(0);
    expect(workerThreadsFor(1, {}, 2)).toBe(0);
    expect(workerThreadsFor(1, {}, 1)).toBe(0);
  });

  it('should share the cores between checks that run at once', () => {
    expect(workerThreadsFor(3, {}, 24)).toBe(3);
    expect(workerThreadsFor(3, {}, 8)).toBe(0);
    expect(workerThreadsFor(0, {}, 8)).toBe(3);
  });

  it('should take ENFORCER_WORKERS when it is a whole number, and ignore it otherwise', () => {
    expect(workerThreadsFor(1, { ENFORCER_WORKERS: '0' }, 8)).toBe(0);
    expect(workerThreadsFor(3, { ENFORCER_WORKERS: ' 4 ' }, 2)).toBe(4);
    expect(workerThreadsFor(1, { ENFORCER_WORKERS: 'many' }, 8)).toBe(3);
  });
});
