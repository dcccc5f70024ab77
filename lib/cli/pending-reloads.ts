import * as fs from 'fs';
import * as path from 'path';

/**
 * The layers of an appliance changed since its last reload, kept in a small file beside the
 * appliance's lock (`<state dir>/<appliance key>.reload`), so that `pacs-lb reload` (run once
 * by the appliance's reload resource after every VIP's `apply`) reloads exactly the services
 * that have changes: `reload-ldirectord` for Layer 4, `reload-haproxy` for Layer 7, nothing
 * when nothing changed. Read and written only while holding the appliance's lock. A reload
 * that fails leaves the file, so the next one still carries the changes.
 */
export class PendingReloads {
  private readonly file: string;

  /**
   * @param stateDir the folder of the lock files
   * @param key the appliance's lock key
   */
  constructor(stateDir: string, key: string) {
    this.file = path.join(stateDir, `${key}.reload`);
  }

  /** The layers with changes not yet reloaded, ascending. */
  public layers(): number[] {
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch {
      return [];
    }
    return [...new Set(text.split(/\s+/).map(Number).filter((layer) => layer === 4 || layer === 7))].sort();
  }

  /** Records that VIPs of this layer changed. */
  public add(layer: number): void {
    if (this.layers().includes(layer)) return;
    fs.mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
    fs.appendFileSync(this.file, `${layer}\n`, { mode: 0o600 });
  }

  /** Forgets the layers just reloaded. */
  public clear(): void {
    fs.rmSync(this.file, { force: true });
  }
}
