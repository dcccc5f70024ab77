import { describe, expect, it } from 'vitest';
import { parseShowProc } from '../../../../lib/targets/local-haproxy/haproxy-processes';
import { parseShowStat } from '../../../../lib/targets/local-haproxy/server-status';

describe('parseShowProc (HAProxy 2.6 master CLI)', () => {
  it('reads the master, the current worker and old workers still finishing connections', () => {
    const answer = [
      '#<PID>          <type>          <reloads>       <uptime>        <version>',
      '4100            master          2 [failed: 1]   0d00h01m10s     2.6.12-1+deb12u4',
      '# workers',
      '4300            worker          0               0d00h00m05s     2.6.12-1+deb12u4',
      '# old workers',
      '4200            worker          1               0d00h00m40s     2.6.12-1+deb12u4',
      '# programs',
      '',
    ].join('\n');
    expect(parseShowProc(answer)).toEqual({
      processes: [
        { pid: 4100, role: 'master', reloads: 2, old: false },
        { pid: 4300, role: 'worker', reloads: 0, old: false },
        { pid: 4200, role: 'worker', reloads: 1, old: true },
      ],
      masterReloads: 2,
      failedReloads: 1,
    });
  });

  it('finds nothing in an empty answer', () => {
    expect(parseShowProc('').processes).toEqual([]);
  });
});

describe('parseShowStat', () => {
  it('reads server rows by column name, skipping frontends and backends', () => {
    const csv = [
      '# pxname,svname,qcur,qmax,scur,smax,slim,stot,bin,bout,dreq,dresp,ereq,econ,eresp,wretr,wredis,status,weight,act,bck,chkfail,chkdown,lastchg,downtime,qlimit,pid,iid,sid,throttle,lbtot,tracked,type,rate,rate_lim,rate_max,check_status,',
      'Dicom,FRONTEND,,,0,1,2000,5,0,0,0,0,0,,,,,OPEN,,,,,,,,,1,2,0,,,,0,0,0,1,,',
      'Dicom,pacs1,0,0,1,1,,4,0,0,,0,,0,0,0,0,UP,100,1,0,0,0,10,0,,1,2,1,,4,,2,0,,1,L7OK,',
      'Dicom,pacs2,0,0,0,0,,0,0,0,,0,,0,0,0,0,DOWN,100,1,0,2,1,3,3,,1,2,2,,0,,2,0,,0,* L7RSP,',
      'Dicom,BACKEND,0,0,1,1,200,4,0,0,0,0,,0,0,0,0,UP,100,1,0,,0,10,0,,1,2,0,,4,,1,0,,1,,',
      '',
    ].join('\n');
    expect(parseShowStat(csv)).toEqual([
      { vip: 'Dicom', server: 'pacs1', status: 'UP', weight: 100, lastCheck: 'L7OK', sessions: 1, totalSessions: 4 },
      { vip: 'Dicom', server: 'pacs2', status: 'DOWN', weight: 100, lastCheck: 'L7RSP', sessions: 0, totalSessions: 0 },
    ]);
  });
});
