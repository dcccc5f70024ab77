/**
 * C-STORE throughput through a HAProxy Layer 7 DICOM VIP versus straight to the archive, with
 * real dcmtk peers: storescu sends a study of multi-megabyte images (made with dump2dcm at run
 * time) to storescp, which receives every byte and discards it (--ignore), so the disk does not
 * decide the figure. Both paths run in the same process, alternately, several times; medians
 * are printed with the ratio VIP / direct (target ≥ 0.8), for one modality and for four
 * sending at once.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ClientResult, startStorescp, stopAllPeers, storescu, writeDicomFile } from '../test/support/dicom-peers';
import { freePort } from '../test/support/free-port';
import { dicomCheck, liveAppliance, localTarget, stopAllHaproxies, waitForServer } from '../test/support/live-haproxy';

const IMAGES = 12;
const IMAGE_MB = 8;
const RUNS = 5;
const PARALLEL = 4;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** MB/s of `clients` storescu runs at once, each sending every file. */
async function megabytesPerSecond(port: number, files: string[], clients: number): Promise<number> {
  const started = Date.now();
  const results: ClientResult[] = await Promise.all(Array.from({ length: clients }, () => storescu('127.0.0.1', port, files)));
  const seconds = (Date.now() - started) / 1000;
  const failed = results.filter((r) => r.status !== 0);
  if (failed.length > 0) throw new Error(`storescu failed: ${failed[0].output}`);
  const bytes = files.reduce((n, f) => n + fs.statSync(f).size, 0) * clients;
  return bytes / 1024 / 1024 / seconds;
}

async function main(): Promise<void> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'throughput-'));
  const files = Array.from({ length: IMAGES }, (_, i) => path.join(folder, `image-${i + 1}.dcm`));
  files.forEach((file, i) => writeDicomFile(file, IMAGE_MB, i + 1));
  const archive = await startStorescp({ ignoreData: true });
  const vipPort = await freePort();
  const { appliance, addVip } = liveAppliance();
  const target = localTarget();
  const figures: Record<string, { direct: number[]; vip: number[] }> = {};
  try {
    await target.apply(appliance, [addVip('Dicom_Throughput', { port: vipPort, healthCheck: dicomCheck(), realServers: [{ name: 'archive', address: '127.0.0.1', port: archive.port }] })]);
    await waitForServer(target, 'Dicom_Throughput', 'archive', 'UP');
    for (const clients of [1, PARALLEL]) {
      const entry = (figures[clients > 1 ? `${clients} modalities at once` : '1 modality'] = { direct: [] as number[], vip: [] as number[] });
      for (let run = 0; run < RUNS; run++) {
        entry.direct.push(await megabytesPerSecond(archive.port, files, clients));
        entry.vip.push(await megabytesPerSecond(vipPort, files, clients));
      }
    }
  } finally {
    await stopAllHaproxies();
    await stopAllPeers();
    fs.rmSync(folder, { recursive: true, force: true });
  }

  console.log(`C-STORE of ${IMAGES} images × ${IMAGE_MB} MB per modality (storescu → storescp --ignore, loopback), median of ${RUNS} runs`);
  for (const [label, { direct, vip }] of Object.entries(figures)) {
    const d = median(direct);
    const v = median(vip);
    console.log(`${label.padEnd(22)}: direct ${d.toFixed(0)} MB/s, through the VIP ${v.toFixed(0)} MB/s, ratio ${(v / d).toFixed(2)} (target ≥ 0.80)`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
