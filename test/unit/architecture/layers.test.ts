/**
 * The architecture linter (.dependency-cruiser.cjs, docs/architecture.md): lib/ imports only
 * downwards and has no cycle. A wrong import fails here with the rule's name, the import and why
 * the rule exists. The rule set is tested too, on a small import graph made for it, so it cannot
 * go silently empty or stop matching.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../../..');
const CONFIG_FILE = join(ROOT, '.dependency-cruiser.cjs');
const DEPCRUISE = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

interface Rule {
  readonly name: string;
  readonly comment?: string;
  readonly from: { readonly path?: string; readonly pathNot?: string };
  readonly to: { readonly path?: string; readonly pathNot?: string };
}
interface Violation {
  readonly from: string;
  readonly to: string;
  readonly cycle?: { readonly name: string }[];
  readonly rule: { readonly name: string; readonly severity: string };
}
interface KnownViolation {
  readonly from: string;
  readonly to: string;
  readonly rule: { readonly name: string };
}

const config = createRequire(import.meta.url)(CONFIG_FILE) as { forbidden: Rule[]; options: { knownViolations?: KnownViolation[] } };
const ruleNamed = (name: string) => config.forbidden.find((r) => r.name === name);

/** Runs dependency-cruiser with the project's rules over `lib/` of `folder`: every violation, known ones with severity `ignore`. */
function cruise(folder: string): Violation[] {
  const run = spawnSync(process.execPath, [DEPCRUISE, 'lib', '--config', CONFIG_FILE, '--output-type', 'json'], { cwd: folder, encoding: 'utf8' });
  if (!run.stdout) throw new Error(`dependency-cruiser did not run (exit ${run.status}): ${run.stderr}`);
  return (JSON.parse(run.stdout) as { summary: { violations: Violation[] } }).summary.violations;
}

/** One violation as the test reports it: the rule, the import, and why the rule exists. */
function describeViolation(v: Violation): string {
  const cycle = v.cycle ? ` (cycle: ${v.from} → ${v.cycle.map((c) => c.name).join(' → ')})` : '';
  return `  ${v.rule.name}: ${v.from} → ${v.to}${cycle}\n      why: ${ruleNamed(v.rule.name)?.comment ?? '(rule without comment)'}`;
}

describe('lib/ follows the layering', () => {
  const violations = cruise(ROOT);

  it('no import points up, crosses between siblings, does I/O in a pure layer or closes a cycle', () => {
    const errors = violations.filter((v) => v.rule.severity !== 'ignore');
    if (errors.length > 0) {
      expect.fail(`architecture linter (.dependency-cruiser.cjs): ${errors.length} import(s) break the layering of docs/architecture.md:\n${errors.map(describeViolation).join('\n')}`);
    }
  });

  it('tolerates no violation: the config relaxes no rule (no knownViolations)', () => {
    expect(config.options.knownViolations ?? []).toEqual([]);
    expect(violations.filter((v) => v.rule.severity === 'ignore')).toEqual([]);
  });
});

describe('the rule set', () => {
  const layerRules = config.forbidden.filter((r) => /^layer-.*-imports-only-below$/.test(r.name));

  it('names each layer, bottom to top, with a reason', () => {
    expect(layerRules.map((r) => r.name)).toEqual([
      'layer-spec-net-contract-imports-only-below',
      'layer-validation-render-imports-only-below',
      'layer-synth-imports-only-below',
      'layer-targets-imports-only-below',
      'layer-provision-plan-report-imports-only-below',
      'layer-constructs-imports-only-below',
    ]);
    for (const rule of config.forbidden) expect(rule.comment, rule.name).toMatch(/\w{3,}/);
    expect(config.forbidden.map((r) => r.name)).toEqual(expect.arrayContaining(['no-circular', 'render-does-not-import-validation', 'validation-does-not-import-render', 'nothing-imports-cli', 'only-cli-imports-import', 'import-does-not-import-cli', 'pure-layers-do-no-io']));
  });

  it('puts every folder of lib/ in a layer, so a new folder cannot escape the rules', () => {
    // The bottom layer's rule names it (from) and every layer above it (to).
    const [bottom] = layerRules;
    // Folders with TypeScript sources (a folder holding only stale build output is not a module).
    const hasSources = (f: string) => readdirSync(join(ROOT, 'lib', f), { recursive: true, encoding: 'utf8' }).some((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'));
    const folders = readdirSync(join(ROOT, 'lib')).filter((f) => statSync(join(ROOT, 'lib', f)).isDirectory() && hasSources(f));
    expect(folders.length).toBeGreaterThan(10);
    for (const module of [...folders.map((f) => `lib/${f}/some-module.ts`), 'lib/index.ts']) {
      const inLayer = new RegExp(bottom.from.path!).test(module) || new RegExp(bottom.to.path!).test(module);
      expect(inLayer, `${module}: its folder is in no layer of .dependency-cruiser.cjs (LAYERS)`).toBe(true);
    }
  });

  describe('on an import graph made to break it', () => {
    const folder = mkdtempSync(join(tmpdir(), 'pacs-lb-architecture-'));
    afterAll(() => rmSync(folder, { recursive: true, force: true }));
    const files: Record<string, string> = {
      'lib/spec/points-up.ts': "import { rendered } from '../render/renderer-like';\nexport const up = rendered;\n",
      'lib/render/renderer-like.ts': "import { ok } from '../spec/fine';\nexport const rendered = ok;\n",
      'lib/render/asks-validation.ts': "import { checked } from '../validation/rule-like';\nexport const asks = checked;\n",
      'lib/render/reads-files.ts': "import * as fs from 'fs';\nexport const reads = fs.existsSync;\n",
      'lib/validation/rule-like.ts': 'export const checked = 1;\n',
      'lib/spec/fine.ts': 'export const ok = 1;\n',
      'lib/net/type-cycle-a.ts': "import type { B } from './type-cycle-b';\nexport interface A { readonly b?: B }\n",
      'lib/net/type-cycle-b.ts': "import type { A } from './type-cycle-a';\nexport interface B { readonly a?: A }\n",
      'lib/targets/uses-cli.ts': "import { exitCode } from '../cli/cli-like';\nexport const code = exitCode;\n",
      'lib/cli/cli-like.ts': 'export const exitCode = 3;\n',
      'lib/import/uses-cli.ts': "import { exitCode } from '../cli/cli-like';\nexport const imported = exitCode;\n",
      'lib/provision/uses-import.ts': "import { imported } from '../import/uses-cli';\nexport const provisioned = imported;\n",
    };
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(dirname(join(folder, file)), { recursive: true });
      writeFileSync(join(folder, file), text);
    }
    const found = cruise(folder).map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);

    it.each([
      'layer-spec-net-contract-imports-only-below: lib/spec/points-up.ts → lib/render/renderer-like.ts',
      'render-does-not-import-validation: lib/render/asks-validation.ts → lib/validation/rule-like.ts',
      'pure-layers-do-no-io: lib/render/reads-files.ts → fs',
      'no-circular: lib/net/type-cycle-a.ts → lib/net/type-cycle-b.ts',
      'layer-targets-imports-only-below: lib/targets/uses-cli.ts → lib/cli/cli-like.ts',
      'nothing-imports-cli: lib/targets/uses-cli.ts → lib/cli/cli-like.ts',
      'import-does-not-import-cli: lib/import/uses-cli.ts → lib/cli/cli-like.ts',
      'only-cli-imports-import: lib/provision/uses-import.ts → lib/import/uses-cli.ts',
    ])('reports %s', (expected) => {
      expect(found).toContain(expected);
    });

    it('reports nothing for imports that point down', () => {
      expect(found.filter((f) => f.includes('lib/render/renderer-like.ts →') || f.includes('lib/spec/fine.ts'))).toEqual([]);
    });
  });
});
