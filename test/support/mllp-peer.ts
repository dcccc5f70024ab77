/**
 * A small HL7 v2 receiver over MLLP for live tests (no interface engine ships in Debian): it
 * reads framed messages and acknowledges each with `MSA|AA` when MSH-5 names its application,
 * `MSA|AR` otherwise, or `MSA|AE` when told to be in error. It listens on 127.0.0.1 only.
 */
import * as net from 'net';

/** Options of {@link startMllpPeer}. */
export interface MllpPeerOptions {
  /** The receiving application it answers for (MSH-5). @default "PACS" */
  readonly application?: string;
  /** Answer every message with `MSA|AE` (application error). @default false */
  readonly inError?: boolean;
  /** Port. @default - one the kernel picks */
  readonly port?: number;
}

/** A running MLLP peer. */
export interface MllpPeer {
  /** The port it listens on. */
  readonly port: number;
  /** Messages received so far, without framing. */
  readonly received: string[];
  /** Closes the listener and every open connection. */
  stop(): Promise<void>;
}

const START = '\x0b';
const END = '\x1c\r';

function acknowledgement(message: string, code: string): string {
  const msh = message.split('\r')[0].split('|');
  const header = ['MSH', '^~\\&', msh[4] ?? '', msh[5] ?? '', msh[2] ?? '', msh[3] ?? '', '20000101000000', '', 'ACK', `ACK-${msh[9] ?? ''}`, 'P', msh[11] ?? '2.5'];
  return `${header.join('|')}\rMSA|${code}|${msh[9] ?? ''}\r`;
}

/** Starts the peer and resolves when it listens. */
export async function startMllpPeer(options: MllpPeerOptions = {}): Promise<MllpPeer> {
  const application = options.application ?? 'PACS';
  const received: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    let pending = '';
    socket.on('data', (data) => {
      pending += data.toString('latin1');
      for (;;) {
        const start = pending.indexOf(START);
        const end = pending.indexOf(END, start + 1);
        if (start < 0 || end < 0) return;
        const message = pending.slice(start + 1, end);
        pending = pending.slice(end + END.length);
        received.push(message);
        const addressedToUs = message.split('\r')[0].split('|')[4] === application;
        const code = options.inError ? 'AE' : addressedToUs ? 'AA' : 'AR';
        socket.write(Buffer.from(`${START}${acknowledgement(message, code)}${END}`, 'latin1'));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    received,
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
