/**
 * The appliance's deploy target: `ApplianceTarget` resolved into the appliance spec, and the
 * synth-time rules on the local HAProxy's folder and program.
 */
import { describe, expect, it } from 'vitest';
import { ApplianceTarget, ApplianceTargetKind } from '../../../lib';
import { LocalHaproxyTarget } from '../../../lib/targets/local-haproxy/local-haproxy-target';
import { validateApplianceSettings } from '../../../lib/validation/appliance-rules';
import { formatProblem } from '../../../lib/validation/problem';
import { applianceStack, validationMessages } from '../../support/stacks';

const messages = (target: ApplianceTarget) => {
  const { stack } = applianceStack({ target });
  return validationMessages(stack);
};

describe('ApplianceTarget in the appliance spec', () => {
  it('no target and the REST API target leave the spec without a target field (existing specs keep their bytes)', () => {
    const plain = applianceStack().appliance.toSpec();
    const api = applianceStack({ target: ApplianceTarget.loadbalancerOrgApi() }).appliance.toSpec();
    expect('target' in plain).toBe(false);
    expect(JSON.stringify(api)).toBe(JSON.stringify(plain));
    expect(ApplianceTarget.loadbalancerOrgApi().kind).toBe(ApplianceTargetKind.LOADBALANCER_ORG_API);
  });

  it('the local HAProxy target carries its folder and, when given, its program', () => {
    expect(applianceStack({ target: ApplianceTarget.localHaproxy({ folder: '/var/lib/pacs-lb' }) }).appliance.toSpec().target).toEqual({ kind: 'local-haproxy', folder: '/var/lib/pacs-lb' });
    const withBinary = applianceStack({ target: ApplianceTarget.localHaproxy({ folder: '/srv/lb', haproxyBinary: '/usr/sbin/haproxy' }) });
    expect(withBinary.appliance.toSpec().target).toEqual({ kind: 'local-haproxy', folder: '/srv/lb', haproxyBinary: '/usr/sbin/haproxy' });
    expect(validationMessages(withBinary.stack)).toEqual([]);
  });
});

describe('validation of the target', () => {
  const folderFix = 'Use an absolute path of at most 95 characters: letters, digits and _./- without "..".';

  it.each([
    ['relative', 'lb-folder'],
    ['with a space', '/tmp/my lb'],
    ['with a shell character', '/tmp/lb;rm'],
    ['with ..', '/tmp/../etc'],
    ['96 characters long', `/${'a'.repeat(95)}`],
  ])('refuses a folder that is %s', (_case, folder) => {
    expect(messages(ApplianceTarget.localHaproxy({ folder }))).toEqual([`lb1: target.folder: "${folder.slice(0, 80)}" is not a usable folder for HAProxy's files and sockets. ${folderFix}`]);
  });

  it('accepts a folder of 95 characters, the longest whose master socket path fits (as LocalHaproxyTarget agrees)', () => {
    const longest = `/${'a'.repeat(94)}`;
    expect(messages(ApplianceTarget.localHaproxy({ folder: longest }))).toEqual([]);
    expect(() => new LocalHaproxyTarget({ folder: longest })).not.toThrow();
    expect(() => new LocalHaproxyTarget({ folder: `${longest}a` })).toThrow(/too long for a socket path/);
  });

  it('refuses a program with characters a path should not have', () => {
    expect(messages(ApplianceTarget.localHaproxy({ folder: '/tmp/lb', haproxyBinary: 'haproxy -d' }))).toEqual([
      'lb1: target.haproxyBinary: "haproxy -d" is not a usable program. Use a program name or an absolute path of letters, digits and _./- without "..".',
    ]);
  });

  it('refuses, in an appliance spec read back from JSON, an unknown kind and a folder on the REST API target', () => {
    const base = applianceStack().appliance.toSpec();
    const unknown = validateApplianceSettings({ ...base, target: { kind: 'ssh' as ApplianceTargetKind } }).map(formatProblem);
    expect(unknown).toEqual(['lb1: target.kind: "ssh" is not a known target. Use one of loadbalancer-org-api, local-haproxy.']);
    const stray = validateApplianceSettings({ ...base, target: { kind: ApplianceTargetKind.LOADBALANCER_ORG_API, folder: '/tmp/lb' } }).map(formatProblem);
    expect(stray).toEqual(['lb1: target.folder: the loadbalancer-org-api target has no folder. Remove it.']);
    const missing = validateApplianceSettings({ ...base, target: { kind: ApplianceTargetKind.LOCAL_HAPROXY } }).map(formatProblem);
    expect(missing).toEqual([`lb1: target.folder: no folder is given. ${folderFix}`]);
  });
});
