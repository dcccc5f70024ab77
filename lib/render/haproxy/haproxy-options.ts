import { DEFAULT_LAYER7_IDLE_TIMEOUT_SECONDS } from '../../spec/defaults';

/**
 * Choices of the HAProxy renderer that are not part of any VIP: where the runtime API socket
 * lives, whether Layer 4 VIPs are stood in for by TCP proxies, and where to bind.
 */
export interface HaproxyRenderOptions {
  /**
   * Path of the runtime API (stats) socket, admin level; `pacs-lb` and the local target use it
   * to read server states and to drain or halt servers without a reload.
   * @default "/run/haproxy/admin.sock" (Debian's path)
   */
  readonly statsSocket?: string;
  /**
   * Also render Layer 4 TCP VIPs, as TCP-mode proxies. A stand-in only: the servers see the
   * proxy's address, not the client's, and DR's direct return path is lost. "Every TCP port
   * except" and UDP VIPs are left out even then.
   * @default false (the appliance's Layer 4 VIPs belong to keepalived/IPVS)
   */
  readonly proxyLayer4?: boolean;
  /**
   * Address to bind instead of a VIP's own, by VIP name: to run the VIP set on a machine that
   * does not own the VIP addresses (e.g. `127.77.0.1` on a workstation).
   * @default - every VIP binds its own address
   */
  readonly bindAddresses?: Record<string, string>;
  /**
   * File HAProxy reads server states from when it starts (global `server-state-file`, with
   * `load-server-state-from-file global` for every VIP). Whoever reloads HAProxy dumps the
   * runtime API's `show servers state` into it first, so a server that is down stays down
   * through the reload instead of taking connections until its first failed check.
   * @default - no state file: every reload starts with fresh server states
   */
  readonly serverStateFile?: string;
  /**
   * Text HAProxy reports as `description` in the runtime API's `show info` (global
   * `description`): the local target writes a digest of the configuration there, to compare
   * what runs with what it wants. Letters, digits, `-`, `_`, `:` and `.` only.
   * @default - no description
   */
  readonly description?: string;
}

/** The runtime API socket when none is given. */
export const DEFAULT_STATS_SOCKET = '/run/haproxy/admin.sock';

/**
 * Seconds HAProxy waits for a real server to accept a connection before it retries, on another
 * server (redispatch). Servers sit on the same LAN as the proxy, where a connect takes
 * milliseconds; 2 s is generous and keeps a hung host from stalling a modality for long.
 */
export const CONNECT_TIMEOUT_SECONDS = 2;

/** Connection attempts after the first; each goes to another server (`option redispatch 1`). */
export const CONNECT_RETRIES = 3;

/**
 * How long a persistence entry without a timeout of its own lives: the "last successful"
 * entry. HAProxy's longest expiry is about 24.8 days; the entry is refreshed on every connection.
 */
export const LAST_SUCCESSFUL_EXPIRY = '24d';

/**
 * Client and server idle timeout of the `defaults` section, and of a Layer 4 VIP stood in for
 * by a TCP proxy (a Layer 4 VIP has no proxy timeouts of its own): the Layer 7 default.
 */
export const PROXY_IDLE_TIMEOUT_SECONDS = DEFAULT_LAYER7_IDLE_TIMEOUT_SECONDS;
