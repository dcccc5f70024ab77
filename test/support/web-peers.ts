/**
 * Small HTTP and HTTPS servers for live health-check tests. HTTPS uses a self-signed
 * certificate made with openssl at test time, as many PACS web servers use.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as https from 'https';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';

/** A running web server. */
export interface WebPeer {
  /** The port it listens on (127.0.0.1). */
  readonly port: number;
  /** Requests received, as `METHOD path Host`. */
  readonly requests: string[];
  /** Closes it. */
  stop(): Promise<void>;
}

/** A self-signed certificate and key for the common name. */
export function selfSignedCertificate(commonName: string): { cert: string; key: string } {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cert-'));
  const key = path.join(folder, 'key.pem');
  const cert = path.join(folder, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', `/CN=${commonName}`], { stdio: 'ignore' });
  const result = { cert: fs.readFileSync(cert, 'utf8'), key: fs.readFileSync(key, 'utf8') };
  fs.rmSync(folder, { recursive: true, force: true });
  return result;
}

/** Starts an HTTP server, or HTTPS when a certificate is given, answering every request with the status and body. */
export async function startWebPeer(status: number, body: string, tls?: { cert: string; key: string }): Promise<WebPeer> {
  const requests: string[] = [];
  const handler = (request: http.IncomingMessage, response: http.ServerResponse) => {
    requests.push(`${request.method} ${request.url} ${request.headers.host ?? '-'}`);
    response.writeHead(status, { 'content-type': 'text/plain', connection: 'close' });
    response.end(body);
  };
  const server: net.Server = tls ? https.createServer(tls, handler) : http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    requests,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
