/**
 * Layer 4 live bench: C-STORE throughput through IPVS, from the rendered keepalived.conf and
 * nftables.nft, against straight to the archive and against the Layer 7 path (the rendered
 * haproxy.cfg), as ratios in one run; and the time from an archive's death (SIGKILL) to its
 * removal from IPVS at the default check timing (interval 1 s, timeout 2 s, fall 2) of a TCP
 * connect check, which keepalived runs in-process: the DICOM association check's script does
 * not pass within the default 2 s in a guest kernel on a loaded machine, so the live tests give
 * it 10 s, and its removal time there is measured by test/integration/layer4/dr.live.test.ts.
 *
 * Both figures come from guest kernels (test/support/l4-kernel.ts), since the host's has no IPVS:
 * - DR, Layer 7 and straight, and the removal time: user-mode-linux. Every guest system call is a
 *   round trip through the host, so absolute MB/s are far below the host's and the paths that
 *   make more system calls (HAProxy copies every byte through user space) lose more; the ratios
 *   say which path is cheaper, not by how much on real hardware. The removal time is seen by
 *   polling ipvsadm in the guest, so it is an upper bound.
 * - SNAT and straight: Debian's kernel under QEMU emulation (user-mode-linux has no nftables NAT).
 *   Emulation slows every packet; only the ratio means anything, and only roughly.
 * Each path runs RUNS times, alternately, in one boot; medians are printed.
 */
import * as fs from 'fs';
import { runGuest } from '../test/support/l4-kernel';
import { benchFolder } from '../test/integration/layer4/sites';

const IMAGES = 4;
const IMAGE_MB = 4;
const RUNS = 3;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function guest(mode: 'dr' | 'snat'): Promise<Map<string, string>> {
  const folder = benchFolder(mode, IMAGES, IMAGE_MB);
  try {
    const run = await runGuest({ kernel: mode === 'dr' ? 'uml' : 'qemu', folder, script: 'guest/bench.sh', timeoutMs: 900_000 });
    if (run.results.get('done') !== '1') throw new Error(`the ${mode} bench guest did not finish:\n${run.log.split('\n').slice(-30).join('\n')}`);
    return run.results;
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/** Median MB/s of one path. */
function throughput(results: Map<string, string>, path: string): number {
  const bytes = Number(results.get('bytes'));
  const ms = Array.from({ length: RUNS }, (_, i) => results.get(`ms.${path}.${i + 1}`) ?? 'missing');
  const failed = ms.filter((m) => !/^\d+$/.test(m));
  if (failed.length > 0) throw new Error(`${path}: ${failed.length} of ${RUNS} runs failed (${ms.join(', ')})`);
  return median(ms.map((m) => bytes / 1024 / 1024 / (Number(m) / 1000)));
}

async function main(): Promise<void> {
  const dr = await guest('dr');
  const direct = throughput(dr, 'direct');
  const viaDr = throughput(dr, 'dr');
  const layer7 = throughput(dr, 'layer7');
  const removal = Array.from({ length: RUNS }, (_, i) => Number(dr.get(`removal_ms.${i + 1}`)));
  const snat = await guest('snat');
  const snatDirect = throughput(snat, 'direct');
  const viaSnat = throughput(snat, 'snat');
  const f = (x: number) => x.toFixed(1);
  console.log(`C-STORE of ${IMAGES} x ${IMAGE_MB} MB, median of ${RUNS} runs per path, paths alternated in one boot:`);
  console.log(`  user-mode-linux: straight ${f(direct)} MB/s, DR VIP ${f(viaDr)} MB/s, Layer 7 VIP (HAProxy) ${f(layer7)} MB/s`);
  console.log(`    ratio DR / straight = ${(viaDr / direct).toFixed(2)}, DR / Layer 7 = ${(viaDr / layer7).toFixed(2)}, Layer 7 / straight = ${(layer7 / direct).toFixed(2)}`);
  console.log(`  QEMU (emulated): straight ${f(snatDirect)} MB/s, SNAT VIP ${f(viaSnat)} MB/s`);
  console.log(`    ratio SNAT / straight = ${(viaSnat / snatDirect).toFixed(2)}, SNAT (QEMU) / Layer 7 (UML) = not comparable: different kernels`);
  console.log(`Archive killed to removed from IPVS, TCP connect check at the default timing (user-mode-linux; an upper bound within one 200 ms poll): ${removal.join(', ')} ms, median ${median(removal)} ms`);
  console.log('Distorted by the guest kernels: every absolute MB/s (far below real hardware), the Layer 7 ratio (user-space copies cost more in UML),');
  console.log('the SNAT ratio (emulation), and the removal time (slow polling of ipvsadm in the guest; the check itself runs in keepalived).');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
