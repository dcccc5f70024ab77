/**
 * Builds VIP specs the way users do (constructs, then validation), for the keepalived,
 * nftables and real-server renderer tests: every spec that reaches a renderer has passed
 * validation, so the tests do too.
 */
import { expect } from 'vitest';
import { Layer4Vip, Layer4VipProps, LoadBalancerAppliance, LoadBalancerApplianceProps, ReverseProxyVip, ReverseProxyVipProps } from '../../../../lib';
import { ApplianceSpec, VirtualServiceSpec } from '../../../../lib/spec/virtual-service-spec';
import { applianceStack, validationMessages } from '../../../support/stacks';

/** A validated appliance and its VIP specs. */
export interface Site {
  readonly appliance: ApplianceSpec;
  readonly vips: VirtualServiceSpec[];
}

/** An appliance (192.0.2.5, subnet 192.0.2.0/24 unless props say otherwise) with the VIPs `build` adds; fails the test when validation does. */
export function site(build: (appliance: LoadBalancerAppliance) => void, props: Partial<LoadBalancerApplianceProps> = {}): Site {
  const { stack, appliance } = applianceStack(props);
  build(appliance);
  expect(validationMessages(stack)).toEqual([]);
  return { appliance: appliance.toSpec(), vips: appliance.vipSpecs() };
}

/** One Layer 4 VIP named `name` with two real servers in 192.0.2.0/24, unless props say otherwise. */
export function layer4(appliance: LoadBalancerAppliance, name: string, props: Partial<Layer4VipProps> & Pick<Layer4VipProps, 'ports'>): Layer4Vip {
  return new Layer4Vip(appliance, name, {
    name,
    address: '192.0.2.100',
    realServers: [
      { name: 'A', address: '192.0.2.21' },
      { name: 'B', address: '192.0.2.22' },
    ],
    ...props,
  });
}

/** One Layer 7 VIP (its address must still be held by VRRP). */
export function layer7(appliance: LoadBalancerAppliance, name: string, props: Partial<ReverseProxyVipProps> & Pick<ReverseProxyVipProps, 'ports'>): ReverseProxyVip {
  return new ReverseProxyVip(appliance, name, {
    name,
    address: '192.0.2.150',
    realServers: [{ name: 'W', address: '203.0.113.5' }],
    ...props,
  });
}

/** The trimmed lines of the block whose first line (trimmed) matches `start`, up to its closing brace. */
export function block(text: string, start: RegExp): string[] {
  const lines = text.split('\n');
  const first = lines.findIndex((line) => start.test(line.trim()));
  if (first < 0) throw new Error(`no line matches ${start}`);
  const indent = lines[first].length - lines[first].trimStart().length;
  const last = lines.findIndex((line, i) => i > first && line === `${' '.repeat(indent)}}`);
  return lines.slice(first, last + 1).map((line) => line.trim());
}
