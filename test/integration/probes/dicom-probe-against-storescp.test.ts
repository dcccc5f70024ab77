import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DICOM_PDU_TYPE, dicomAssociateRequest, dicomReleaseRequest } from '../../../lib/render/probes/dicom-association';
import { startStorescp, stopAllPeers, Storescp } from '../../support/dicom-peers';
import { PduClient } from '../../support/pdu-reader';

/** The check's exchange, step by step, against a real archive: the first byte of each answer. */
async function probe(port: number, called = 'ARCHIVE'): Promise<number[]> {
  const client = await PduClient.connect('127.0.0.1', port);
  try {
    client.send(dicomAssociateRequest(called, 'PACSLB-CHECK'));
    const answer = await client.readPdu();
    if (!answer || answer[0] !== DICOM_PDU_TYPE.associateAccept) return answer ? [answer[0]] : [];
    client.send(dicomReleaseRequest());
    const release = await client.readPdu();
    return [answer[0], ...(release ? [release[0]] : [])];
  } finally {
    client.close();
  }
}

describe('the DICOM association probe against dcmtk storescp', () => {
  let strict: Storescp;
  let refusing: Storescp;

  beforeAll(async () => {
    // --reject: refuses associations without an implementation class UID, so an accept also proves the probe carries one.
    strict = await startStorescp({ requireImplementationClass: true });
    refusing = await startStorescp({ refuse: true });
  });

  afterAll(stopAllPeers);

  it('is accepted (A-ASSOCIATE-AC) and released (A-RELEASE-RP) by a willing archive', async () => {
    expect(await probe(strict.port)).toEqual([DICOM_PDU_TYPE.associateAccept, DICOM_PDU_TYPE.releaseResponse]);
  });

  it('is rejected (A-ASSOCIATE-RJ) by an archive that refuses associations', async () => {
    expect(await probe(refusing.port)).toEqual([DICOM_PDU_TYPE.associateReject]);
  });
});
