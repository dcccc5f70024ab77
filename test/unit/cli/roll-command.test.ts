import { describe, expect, it } from 'vitest';
import { commandFor } from '../../../lib/cli/commands/roll';

describe('roll: the user command for one server', () => {
  it('replaces {vip}, {rip} and {address} inside each argument, and nothing else; the argv stays argv', () => {
    const server = { name: 'EA2', parameters: { ip: '192.0.2.22' } };
    expect(commandFor(['ssh', '{address}', 'restart {rip} of {vip}', '{other}', '$(reboot)'], 'EA_Dicom', server)).toEqual(['ssh', '192.0.2.22', 'restart EA2 of EA_Dicom', '{other}', '$(reboot)']);
  });
});
