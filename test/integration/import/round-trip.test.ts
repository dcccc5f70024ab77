import * as path from 'path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplianceDouble } from '../../support/appliance-double';
import { READABLE_DIALECTS } from '../../support/appliance-reply-dialects';
import { SECRET } from '../cli/harness';
import { deployFolder, exampleApplianceFolder, exampleOnDouble, importInto, isPrettierFormatted, specsByName, synthesizeExampleStack, synthesizeGenerated } from './import-harness';

// Round trip against the contract double in each reply dialect that reports values: deploy the
// example, import it, synthesize the imported code, apply it: no write, and the imported
// site's specs equal the example's.

let example: string;
beforeAll(() => {
  example = synthesizeExampleStack();
});

describe.each(READABLE_DIALECTS)('import of the example in reply dialect %s', (dialect) => {
  let double: ApplianceDouble;
  let env: Record<string, string>;
  const exampleFolder = () => exampleApplianceFolder(example);
  beforeAll(async () => {
    ({ double, env } = await exampleOnDouble(example, dialect));
  });
  afterAll(() => double.stop());

  it('writes one CentricityPacs, formatted, expressing everything read; its specs equal the example\'s and its deploy sends no write', async () => {
    const { run, code, file } = await importInto(`example-${dialect}`, ['--appliance-file', path.join(exampleFolder(), 'appliance.json')], env);
    expect(run.stderr).toContain('19 VIPs read');
    expect(run.stderr).not.toContain('not expressed');
    expect(code).toContain('Everything read is expressed in this code.');
    expect(code.match(/new CentricityPacs\(/g)).toHaveLength(1);
    expect(code).not.toMatch(/new (Layer4Vip|ReverseProxyVip)\(/);
    expect(await isPrettierFormatted(code)).toBe(true);
    for (const secret of Object.values(SECRET)) expect(`${code}${run.stdout}${run.stderr}`).not.toContain(secret);

    const imported = await synthesizeGenerated(file);
    expect(specsByName(imported, 'lb-pacs')).toEqual(specsByName(example, 'lb-pacs'));

    double.clearRecords();
    await deployFolder(path.join(imported, 'pacs-lb', 'lb-pacs'), env);
    expect(double.writes()).toEqual([]);
  });
});
