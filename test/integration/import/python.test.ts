import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplianceDouble } from '../../support/appliance-double';
import { runInProcess } from '../cli/harness';
import { BY_HAND } from './by-hand';
import { adminClient, deployFolder, exampleOnDouble, importInto, specsByName, synthesizeExampleStack, synthesizeGenerated } from './import-harness';

// `pacs-lb import --language python`: the Python code for the example and for the hand-made
// site is formatted as black formats it, runs through the library's Python bindings
// (scripts/python-bindings.sh, on the library as the last `npm run build` left it, as
// test/integration/python does), and synthesizes the same specs as the TypeScript code.

const REPO = path.resolve(__dirname, '../../..');
const PYTHON_CHECK_TIMEOUT_MS = 15 * 60_000;

/** Synthesizes every stack the imported modules define, each under its own name. */
const SYNTH_PY = `import sys

from cdktf import App

from deviations_site import DeviationsSiteStack
from example_site import ExampleSiteStack

app = App(outdir=sys.argv[1], context={"pacs-lb:cli": ["pacs-lb"]})
ExampleSiteStack(app, "example")
DeviationsSiteStack(app, "deviations")
app.synth()
`;

describe('imported Python code', () => {
  let double: ApplianceDouble;
  let env: Record<string, string>;
  let example: string;
  const code = fs.mkdtempSync(path.join(os.tmpdir(), 'pacs-lb-i15-python-'));
  const exampleArgs = () => ['--appliance-file', path.join(example, 'pacs-lb', 'lb-pacs', 'appliance.json')];

  beforeAll(async () => {
    example = synthesizeExampleStack();
    ({ double, env } = await exampleOnDouble(example, 'sparse'));
  });
  afterAll(async () => {
    await double.stop();
    fs.rmSync(code, { recursive: true, force: true });
  });

  it('is black-formatted, synthesizes through the Python bindings, and builds the specs the TypeScript code builds', async () => {
    const python = async (name: string, className: string) => {
      const run = await runInProcess(['import', '--language', 'python', '--class-name', className, ...exampleArgs(), '--output', path.join(code, `${name}.py`)], env);
      expect(run.code, run.stderr).toBe(0);
    };
    await python('example_site', 'ExampleSiteStack');
    await adminClient(double).send(BY_HAND);
    await python('deviations_site', 'DeviationsSiteStack');
    const typescript = await importInto('python-twin', exampleArgs(), env);
    fs.writeFileSync(path.join(code, 'synth.py'), SYNTH_PY);
    const deviations = fs.readFileSync(path.join(code, 'deviations_site.py'), 'utf8');
    expect(deviations).toContain('# - MR_Modality_Dicom: fallback="192.0.2.250" has no prop in the constructs');
    expect(deviations).toContain('"EA_HL7_Service": CentricityVipOverride(ports=Ports.single(2577)),');

    const synthFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'pacs-lb-i15-python-synth-'));
    const run = spawnSync('bash', [path.join(REPO, 'scripts', 'python-bindings.sh'), '--no-build', synthFolder], {
      cwd: REPO,
      encoding: 'utf8',
      timeout: PYTHON_CHECK_TIMEOUT_MS,
      env: { ...process.env, PACS_LB_PYTHON_IMPORTED: code },
    });
    const output = `${run.stdout}\n${run.stderr}`;
    expect(run.status, output).toBe(0);
    expect(output).toContain('3 files would be left unchanged.');

    const stacks = path.join(synthFolder, 'imported', 'stacks');
    expect(specsByName(path.join(stacks, 'example'), 'lb-pacs')).toEqual(specsByName(example, 'lb-pacs'));
    expect(specsByName(path.join(stacks, 'deviations'), 'lb-pacs')).toEqual(specsByName(await synthesizeGenerated(typescript.file), 'lb-pacs'));
    double.clearRecords();
    await deployFolder(path.join(stacks, 'deviations', 'pacs-lb', 'lb-pacs'), env);
    expect(double.writes()).toEqual([]);
    fs.rmSync(synthFolder, { recursive: true, force: true });
  }, PYTHON_CHECK_TIMEOUT_MS);
});
