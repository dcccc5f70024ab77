// Compiles cdktf-pacs-lb/testing (lib/testing/vitest/), which the jsii assembly leaves out
// because it speaks vitest. It is type-checked together with the library it imports, but only
// its own files are emitted: the library's .js files stay exactly as jsii wrote them.
// Run after jsii (npm run build does both).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const kitFolder = join(dirname(fileURLToPath(import.meta.url)), '..', 'lib', 'testing', 'vitest');
const config = ts.getParsedCommandLineOfConfigFile(join(kitFolder, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => fail([d]) });
const program = ts.createProgram(config.fileNames, config.options);

function fail(diagnostics) {
  const host = { getCanonicalFileName: (f) => f, getCurrentDirectory: ts.sys.getCurrentDirectory, getNewLine: () => '\n' };
  process.stderr.write(ts.formatDiagnosticsWithColorAndContext(diagnostics, host));
  process.exit(1);
}

const problems = ts.getPreEmitDiagnostics(program);
if (problems.length > 0) fail(problems);
for (const file of config.fileNames) {
  const result = program.emit(program.getSourceFile(file));
  if (result.emitSkipped || result.diagnostics.length > 0) fail(result.diagnostics);
}
console.log(`cdktf-pacs-lb/testing: compiled ${config.fileNames.length} files in lib/testing/vitest/`);
