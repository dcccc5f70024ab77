/**
 * One answer to "does this process still run?" for the appliance lock and the local HAProxy
 * target: a process of another user (EPERM) runs too.
 */
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isAlive } from '../../../lib/contract/process-alive';

describe('isAlive', () => {
  afterEach(() => vi.restoreAllMocks());

  it('is true for a running process and false for one that has ended', () => {
    expect(isAlive(process.pid)).toBe(true);
    const ended = spawnSync(process.execPath, ['-e', '0']).pid;
    expect(ended).toBeGreaterThan(0);
    expect(isAlive(ended as number)).toBe(false);
  });

  it('is true when the process belongs to another user (EPERM), false when there is none (ESRCH)', () => {
    const fail = (code: string) => () => {
      throw Object.assign(new Error(code), { code });
    };
    vi.spyOn(process, 'kill').mockImplementationOnce(fail('EPERM'));
    expect(isAlive(4242)).toBe(true);
    vi.spyOn(process, 'kill').mockImplementationOnce(fail('ESRCH'));
    expect(isAlive(4242)).toBe(false);
  });
});
