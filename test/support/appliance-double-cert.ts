import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** A self-signed certificate for the appliance double, made at test time (no key is committed). */
export interface DoubleCertificate {
  /** Folder holding both files; removed by the caller when done. */
  readonly folder: string;
  /** The certificate (PEM): also the CA file clients verify against. */
  readonly certFile: string;
  /** The private key (PEM). */
  readonly keyFile: string;
}

/**
 * Makes a fresh self-signed certificate for 127.0.0.1, ::1 and localhost with openssl, as the
 * real appliance ships one: clients must be given it as their CA file, or fail verification.
 */
export function makeSelfSignedCertificate(commonName = 'appliance-double'): DoubleCertificate {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pacs-lb-double-cert-'));
  const certFile = path.join(folder, 'cert.pem');
  const keyFile = path.join(folder, 'key.pem');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', keyFile, '-out', certFile, '-days', '2', '-subj', `/CN=${commonName}`,
    '-addext', 'subjectAltName=IP:127.0.0.1,IP:::1,DNS:localhost',
  ], { stdio: 'pipe' });
  return { folder, certFile, keyFile };
}
