/**
 * Whether a process with this id runs. Signal 0 tests without sending anything: it succeeds
 * for a process of ours, and fails with EPERM for a live process of another user, which is
 * alive too (a lock held by another user's `pacs-lb` is held; a HAProxy still stopping is not
 * gone). Only ESRCH (no such process) and other errors mean it is not running.
 *
 * Shared by every `pacs-lb` process that reads a pid from a file: the appliance lock and the
 * local HAProxy target's pid file.
 */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
