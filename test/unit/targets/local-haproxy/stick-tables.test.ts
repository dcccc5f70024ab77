import { describe, expect, it } from 'vitest';
import { parseServerIds, parseShowTable, restoreCommands } from '../../../../lib/targets/local-haproxy/stick-tables';

describe('carrying persistence entries across a reload', () => {
  const table = [
    '# table: Dicom_Last, type: integer, size:1, used:1',
    '0x55b74b9cf650: key=1 use=0 exp=2073599997 server_id=2 server_key=pacs2',
    '0x55b74b9cf700: key=2001:db8::7 use=0 exp=100 server_id=1 server_key=pacs1',
    '0x55b74b9cf800: key=3 use=0 exp=100 server_id=0 server_key=-',
    '',
  ].join('\n');
  const state = [
    '1',
    '# be_id be_name srv_id srv_name srv_addr srv_op_state srv_admin_state srv_uweight',
    '3 Dicom_Last 1 pacs1 127.0.0.1 2 0 1',
    '3 Dicom_Last 4 pacs2 127.0.0.1 2 0 1',
    '5 Other 1 x 127.0.0.1 2 0 1',
  ].join('\n');

  it('reads the entries that name a server', () => {
    expect(parseShowTable('Dicom_Last', table)).toEqual([
      { vip: 'Dicom_Last', key: '1', server: 'pacs2' },
      { vip: 'Dicom_Last', key: '2001:db8::7', server: 'pacs1' },
    ]);
  });

  it('reads server ids by VIP and server name', () => {
    expect([...parseServerIds(state)]).toEqual([['Dicom_Last/pacs1', 1], ['Dicom_Last/pacs2', 4], ['Other/x', 1]]);
  });

  it('writes each entry with the new worker\'s id of the same server, and drops servers that are gone', () => {
    const entries = [...parseShowTable('Dicom_Last', table), { vip: 'Dicom_Last', key: '9', server: 'removed' }];
    expect(restoreCommands(entries, parseServerIds(state))).toEqual(['set table Dicom_Last key 1 data.server_id 4', 'set table Dicom_Last key 2001:db8::7 data.server_id 1']);
  });
});
