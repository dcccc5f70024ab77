import type { TerraformStack } from 'cdktf';
import type { IConstruct } from 'constructs';
import type { MatcherResult, MatcherState } from 'vitest';
import { RealServerSpec, VirtualServiceSpec } from '../../spec/virtual-service-spec';
import { PacsLbTesting } from '../pacs-lb-testing';

/** A spec, or a part of one: every field given must match, nested objects likewise. */
export type PartialSpec<T> = { [K in keyof T]?: T[K] extends Array<infer E> ? Array<PartialSpec<E>> : T[K] extends object ? PartialSpec<T[K]> : T[K] };

/**
 * The matchers this package adds to vitest's `expect`. Register them once, in a setup file or
 * at the top of a test file: `expect.extend(pacsLbMatchers)`.
 */
export interface PacsLbMatchers<R = unknown> {
  /**
   * The received scope (an app, a stack or an appliance) has a VIP of that name, and, when
   * `expected` is given, its spec has at least those fields (as `toMatchObject` compares).
   */
  toHaveVip(name: string, expected?: PartialSpec<VirtualServiceSpec>): R;
  /**
   * The VIP of that name in the received scope has exactly these real servers, in this
   * order; each matches the fields given (e.g. `{ name: 'EA1', address: '192.0.2.21' }`).
   */
  toHaveRealServers(vipName: string, expected: Array<PartialSpec<RealServerSpec>>): R;
  /**
   * Synthesizing the received stack fails, and one of its validation errors contains this
   * text (or matches this expression), e.g. `'EA_Dicom_Service: realServers'`.
   */
  toFailSynthWith(message: string | RegExp): R;
}

function matchesPartially(state: MatcherState, actual: unknown, expected: unknown): boolean {
  return state.equals(actual, expected, [state.utils.iterableEquality, state.utils.subsetEquality]);
}

function vipIn(scope: IConstruct, name: string): VirtualServiceSpec | undefined {
  return PacsLbTesting.vipSpecs(scope).find((spec) => spec.name === name);
}

function noVipMessage(scope: IConstruct, name: string): string {
  const names = PacsLbTesting.vipSpecs(scope).map((spec) => spec.name).join(', ') || 'none';
  return `expected a VIP named ${name}; the VIPs are: ${names}`;
}

function toHaveVip(this: MatcherState, scope: IConstruct, name: string, expected?: PartialSpec<VirtualServiceSpec>): MatcherResult {
  const spec = vipIn(scope, name);
  if (!spec) return { pass: false, message: () => noVipMessage(scope, name) };
  const pass = expected === undefined || matchesPartially(this, spec, expected);
  return {
    pass,
    actual: spec,
    expected,
    message: () => (pass
      ? `expected the VIP ${name} not to match\n${this.utils.stringify(expected)}`
      : `VIP ${name} does not match:\n${this.utils.diff(expected, spec)}`),
  };
}

function toHaveRealServers(this: MatcherState, scope: IConstruct, vipName: string, expected: Array<PartialSpec<RealServerSpec>>): MatcherResult {
  const spec = vipIn(scope, vipName);
  if (!spec) return { pass: false, message: () => noVipMessage(scope, vipName) };
  const pass = matchesPartially(this, spec.realServers, expected);
  return {
    pass,
    actual: spec.realServers,
    expected,
    message: () => (pass
      ? `expected the real servers of ${vipName} not to be\n${this.utils.stringify(expected)}`
      : `real servers of ${vipName} differ:\n${this.utils.diff(expected, spec.realServers)}`),
  };
}

function toFailSynthWith(this: MatcherState, stack: TerraformStack, message: string | RegExp): MatcherResult {
  let error: string | undefined;
  try {
    PacsLbTesting.synth(stack);
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  const pass = error !== undefined && (typeof message === 'string' ? error.includes(message) : message.test(error));
  return {
    pass,
    message: () => {
      if (error === undefined) return `expected synth to fail with ${this.utils.stringify(message)}, but it succeeded`;
      return `expected synth ${pass ? 'not ' : ''}to fail with ${this.utils.stringify(message)}; it failed with:\n${error}`;
    },
  };
}

/** The matchers, for `expect.extend(pacsLbMatchers)`. */
export const pacsLbMatchers = { toHaveVip, toHaveRealServers, toFailSynthWith };
