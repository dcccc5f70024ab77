/**
 * Prepares the shared folder of one guest scenario for running it by hand (docs/keepalived.md):
 * `npx tsx test/integration/layer4/prepare-by-hand.ts dr` prints the folder.
 */
import { drFolder, haFolder, nftFolder } from './sites';

const folders: Record<string, () => { folder: string }> = { dr: drFolder, nft: nftFolder, vrrp: haFolder };
const scenario = process.argv[2] ?? '';
if (!(scenario in folders)) throw new Error(`scenario "${scenario}" unknown; one of: ${Object.keys(folders).join(', ')}.`);
console.log(folders[scenario]().folder);
