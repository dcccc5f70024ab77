import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Token } from 'cdktf';
import { describe, expect, it } from 'vitest';
import { Layer4Vip, LoadBalancerAppliance, Ports } from '../../../lib';
import { cdktfSafeText } from '../../../lib/provision/cdktf-safe-text';
import { cdktfNumberLookalikes } from '../../../lib/validation/cdktf-number-lookalike';
import { applianceStack } from '../../support/stacks';

// cdktf reads a number in exponent notation inside any string it writes as one of its own
// number tokens when the number's bits carry its marker (about -8.3e298), and an unknown one
// stops synth inside cdktf, before validation. Found by the malformed-inputs property test
// (seed 899143580): a real server's maxConnections of -8.221493946362911e+298.
const LOOKALIKE = '-8.221493946362911e+298';

/** Synthesizes one VIP with the given props; the validation message or the spec trigger's value. */
function synth(props: Record<string, unknown>): { error?: string; specTrigger?: string } {
  const { app, appliance } = applianceStack();
  new Layer4Vip(appliance as LoadBalancerAppliance, 'v', { address: '192.0.2.100', ports: Ports.single(104), realServers: [{ name: 'a', address: '192.0.2.20' }], ...props });
  try {
    app.synth();
  } catch (error) {
    return { error: String(error) };
  }
  const config = JSON.parse(readFileSync(join(app.outdir, 'stacks', 'test-stack', 'cdk.tf.json'), 'utf8'));
  const spec = Object.values<{ triggers: Record<string, string> }>(config.resource.null_resource).find((r) => r.triggers.spec !== undefined);
  return { specTrigger: spec?.triggers.spec };
}

describe('numbers cdktf would read as its tokens', () => {
  it('are found in text exactly where cdktf reads one (its own check on the parsed number)', () => {
    expect(Token.isUnresolved(parseFloat(LOOKALIKE))).toBe(true);
    expect(cdktfNumberLookalikes(`{"maxConnections":${LOOKALIKE}}`)).toEqual([LOOKALIKE]);
    expect(cdktfNumberLookalikes('x-8.221493946362911e298 and 1e5 and -8.5e298 and 2001:db8::e')).toEqual(['-8.221493946362911e298']);
    expect(cdktfNumberLookalikes('{"weight":100,"timeoutSeconds":3600}')).toEqual([]);
  });

  it('are written with the e escaped, so the text parses back to itself; other text is unchanged', () => {
    const json = JSON.stringify({ description: `odd ${LOOKALIKE} text` });
    const safe = cdktfSafeText(json);
    expect(safe).not.toBe(json);
    expect(cdktfNumberLookalikes(safe)).toEqual([]);
    expect(JSON.parse(safe)).toEqual(JSON.parse(json));
    expect(cdktfSafeText('{"name":"EA_Dicom"}')).toBe('{"name":"EA_Dicom"}');
  });

  it('a number that spells one is refused by validation, not by cdktf', () => {
    const { error } = synth({ realServers: [{ name: 'a', address: '192.0.2.20', maxConnections: parseFloat(LOOKALIKE) }] });
    expect(error).toContain('v: realServers[a].maxConnections: -8.221493946362911e+298 is out of range');
    expect(error).not.toContain('unknown number Token');
  });

  it('a VIP name that spells one is refused by validation, naming the piece', () => {
    const { error } = synth({ name: 'x-8.221493946362911e298' });
    expect(error).toContain('x-8.221493946362911e298: name: "-8.221493946362911e298" in the name is read by cdktf as one of its number tokens');
    expect(error).not.toContain('unknown number Token');
  });

  it('a description that spells one is accepted, and the spec trigger reads back the very description', () => {
    const description = 'weird x-8.221493946362911e298 text';
    const { error, specTrigger } = synth({ description });
    expect(error).toBeUndefined();
    expect(JSON.parse(specTrigger!).description).toBe(description);
  });
});
