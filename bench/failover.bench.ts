/**
 * Failover through HAProxy at the default check timing (interval 1 s, timeout 2 s, fall 2,
 * rise 3), with real archives (dcmtk storescp) behind a Layer 7 DICOM VIP and a modality
 * (echoscu) opening associations one after another throughout.
 *
 * Two kinds of failure, several trials each:
 * - crash: the archive's processes are killed; connections to it are refused at once.
 * - freeze: the archive is stopped (SIGSTOP), so the kernel still accepts connections but
 *   nothing answers; only the check's timeout can tell.
 *
 * Printed per kind: time from the failure to "marked down" (median and worst), associations
 * opened during that window, and failed associations, split into those in flight on the failed
 * archive at the instant it failed (lost at any load balancer) and those started afterwards
 * (the ones the VIP must save); for crashes, the time from restart to back in rotation.
 */
import { DEFAULT_CHECK_TIMING } from '../lib/spec/defaults';
import { ClientResult, echoscu, killGroup, startStorescp, stopAllPeers, Storescp } from '../test/support/dicom-peers';
import { freePort } from '../test/support/free-port';
import { dicomCheck, liveAppliance, localTarget, stopAllHaproxies, waitForServer } from '../test/support/live-haproxy';

const TRIALS = 5;
const VIP = 'Dicom_Failover';

interface TimedResult extends ClientResult {
  readonly startedAt: number;
  readonly endedAt: number;
}

interface Trial {
  readonly detectionMs: number;
  /** Crash only: from the archive's restart to its return to rotation (rise successes). */
  returnMs?: number;
  readonly duringWindow: number;
  readonly inFlightLost: number;
  readonly laterFailed: number;
  readonly total: number;
}

/** Echoes through the VIP until stopped, each with its start and end time. */
function echoLoop(port: number): { stop: () => Promise<TimedResult[]> } {
  const results: TimedResult[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const startedAt = Date.now();
      const result = await echoscu('127.0.0.1', port, 'ARCHIVE', 10);
      results.push({ ...result, startedAt, endedAt: Date.now() });
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return results;
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const archives: Storescp[] = [await startStorescp(), await startStorescp()];
  const port = await freePort();
  const { appliance, addVip } = liveAppliance();
  const target = localTarget();
  await target.apply(appliance, [
    addVip(VIP, {
      port,
      healthCheck: dicomCheck(),
      realServers: archives.map((a, i) => ({ name: `archive${i + 1}`, address: '127.0.0.1', port: a.port })),
    }),
  ]);

  const kinds: Record<string, Trial[]> = { crash: [], freeze: [] };
  try {
    for (const kind of Object.keys(kinds)) {
      for (let trial = 0; trial < TRIALS; trial++) {
        await waitForServer(target, VIP, 'archive1', 'UP', 30_000);
        await waitForServer(target, VIP, 'archive2', 'UP', 30_000);
        const loop = echoLoop(port);
        await sleep(1500);
        const failedAt = Date.now();
        if (kind === 'crash') await archives[0].stop();
        else process.kill(-archives[0].process.pid!, 'SIGSTOP');
        const detectionMs = await waitForServer(target, VIP, 'archive1', 'DOWN', 30_000);
        const downAt = failedAt + detectionMs;
        await sleep(1500);
        const results = await loop.stop();
        const failed = results.filter((r) => r.status !== 0);
        const trialFigures: Trial = {
          detectionMs,
          duringWindow: results.filter((r) => r.startedAt >= failedAt && r.startedAt <= downAt).length,
          inFlightLost: failed.filter((r) => r.startedAt < failedAt).length,
          laterFailed: failed.filter((r) => r.startedAt >= failedAt).length,
          total: results.length,
        };
        kinds[kind].push(trialFigures);
        if (kind === 'crash') {
          archives[0] = await startStorescp({ port: archives[0].port });
          trialFigures.returnMs = await waitForServer(target, VIP, 'archive1', 'UP', 30_000);
        } else {
          process.kill(-archives[0].process.pid!, 'SIGCONT');
        }
      }
    }
  } finally {
    await stopAllHaproxies();
    for (const archive of archives) await killGroup(archive.process);
    await stopAllPeers();
  }

  const { intervalSeconds, timeoutSeconds, fall, rise } = DEFAULT_CHECK_TIMING;
  console.log(`Failover through HAProxy, default check timing: interval ${intervalSeconds} s, timeout ${timeoutSeconds} s, fall ${fall}, rise ${rise}; ${TRIALS} trials per kind`);
  console.log(`interval × fall = ${intervalSeconds * fall} s (target: marked down within 3 s of a crash)`);
  for (const [kind, trials] of Object.entries(kinds)) {
    const detections = trials.map((t) => t.detectionMs);
    const sum = (f: (t: Trial) => number) => trials.reduce((n, t) => n + f(t), 0);
    console.log(
      `${kind.padEnd(6)}: marked down median ${(median(detections) / 1000).toFixed(2)} s, worst ${(Math.max(...detections) / 1000).toFixed(2)} s; ` +
        `associations during the window ${sum((t) => t.duringWindow)}, of ${sum((t) => t.total)} in all; ` +
        `failed: ${sum((t) => t.laterFailed)} started after the failure, ${sum((t) => t.inFlightLost)} in flight at the failure`,
    );
    const returns = trials.flatMap((t) => (t.returnMs === undefined ? [] : [t.returnMs]));
    if (returns.length > 0) console.log(`${kind.padEnd(6)}: back in rotation after restart: median ${(median(returns) / 1000).toFixed(2)} s (rise ${rise} × interval ${intervalSeconds} s)`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
