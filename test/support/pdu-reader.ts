import * as net from 'net';

/**
 * A minimal DICOM upper-layer client for tests: sends PDUs and reads whole PDUs back (6-byte
 * header, 4-byte length), so tests can see exactly what an archive answered to a probe.
 */
export class PduClient {
  /** Connects to host:port. */
  public static async connect(host: string, port: number): Promise<PduClient> {
    const socket = net.connect({ host, port });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('error', reject);
    });
    return new PduClient(socket);
  }

  private buffered = Buffer.alloc(0);
  private closed = false;
  private wake: () => void = () => undefined;

  private constructor(private readonly socket: net.Socket) {
    socket.on('data', (data) => {
      this.buffered = Buffer.concat([this.buffered, data]);
      this.wake();
    });
    const end = () => {
      this.closed = true;
      this.wake();
    };
    socket.on('close', end);
    socket.on('error', end);
  }

  /** Sends bytes. */
  public send(bytes: Buffer): void {
    this.socket.write(bytes);
  }

  /** The next whole PDU, or undefined when the peer closed first or timeoutMs passed. */
  public async readPdu(timeoutMs = 5000): Promise<Buffer | undefined> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.buffered.length >= 6) {
        const total = 6 + this.buffered.readUInt32BE(2);
        if (this.buffered.length >= total) {
          const pdu = this.buffered.subarray(0, total);
          this.buffered = this.buffered.subarray(total);
          return pdu;
        }
      }
      if (this.closed || Date.now() > deadline) return undefined;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        setTimeout(resolve, 100);
      });
    }
  }

  /** Closes the connection. */
  public close(): void {
    this.socket.destroy();
  }
}
