// The architecture linter: dependency-cruiser rules that state the layering of lib/ (docs/architecture.md).
// Run by `npm test` (test/unit/architecture/layers.test.ts); by hand: `npx depcruise lib`.
//
// Layers, bottom to top. A module may import its own layer or any layer below it, never one above,
// and no module is part of an import cycle. Type-only imports count like any other (a type that
// points up is a design that points up; `tsPreCompilationDeps` keeps them in the graph).

/** A regular expression for the modules of these lib/ folders (`index.ts` is the file lib/index.ts). */
const modulesOf = (folders) => `^lib/(${folders.map((f) => (f === 'index.ts' ? 'index\\.ts$' : `${f}/`)).join('|')})`;

/**
 * The layers, bottom first. `folders` are the top-level folders of lib/ in the layer; every
 * folder of lib/ is in exactly one (a unit test checks that a new folder gets a layer).
 */
const LAYERS = [
  {
    name: 'spec-net-contract',
    folders: ['spec', 'net', 'contract'],
    why: 'the vocabulary every other layer speaks: spec types, enums, schemas, defaults and the resolved view (spec), address helpers (net), the environment-variable and exit-code contract of provision and cli (contract)',
  },
  {
    name: 'validation-render',
    folders: ['validation', 'render'],
    why: 'pure functions of the spec: validation finds problems, renderers turn a spec into files; neither knows how files are written or sent',
  },
  {
    name: 'synth',
    folders: ['synth'],
    why: 'composes the renderers and owns the synthesized folder (its layout, the only writer and reader); it must not know where the files go next',
  },
  {
    name: 'targets',
    folders: ['targets'],
    why: 'what talks to an appliance (Loadbalancer.org API, local HAProxy); a target is driven by the CLI, never the other way round',
  },
  {
    name: 'provision-plan-report',
    folders: ['provision', 'plan-report'],
    why: 'Terraform resources that carry the spec, and the plan report; the constructs build on them',
  },
  {
    name: 'constructs',
    folders: ['vips', 'appliance', 'centricity'],
    why: 'the constructs users write; everything below them works without them (the CLI reads only spec files)',
  },
  {
    name: 'top',
    folders: ['import', 'cli', 'testing', 'index.ts'],
    why: 'entry points: the CLI (and import, which only it runs), the testing kit, the public API; nothing in lib/ imports them',
  },
];

/** One rule per layer: it imports nothing from the layers above it. */
const layerRules = LAYERS.slice(0, -1).map((layer, index) => {
  const above = LAYERS.slice(index + 1);
  return {
    name: `layer-${layer.name}-imports-only-below`,
    comment: `Layer ${index} (${layer.folders.join(', ')}) is ${layer.why}. It must not import ${above.map((l) => l.folders.join('/')).join(', ')}.`,
    severity: 'error',
    from: { path: modulesOf(layer.folders) },
    to: { path: modulesOf(above.flatMap((l) => l.folders)) },
  };
});

/** A forbidden import, from the modules `from` matches to those `to` matches; `comment` says why (the test prints it). */
const forbid = (name, from, to, comment) => ({ name, comment, severity: 'error', from, to });

/** Rules inside a layer, and for the top layer (whose members must not be imported). */
const inLayerRules = [
  forbid('net-imports-nothing-from-lib', { path: '^lib/net/' }, { path: '^lib/', pathNot: '^lib/net/' }, 'lib/net is the floor: address helpers built on ipaddr.js alone, so every layer can use them.'),
  forbid('contract-imports-only-net', { path: '^lib/contract/' }, { path: '^lib/', pathNot: '^lib/(contract|net)/' }, 'lib/contract is neutral ground between provision (which sets the variables) and cli (which reads them): it knows no spec and no command.'),
  forbid('spec-does-not-import-contract', { path: '^lib/spec/' }, { path: '^lib/contract/' }, 'The spec describes a site; how a process is invoked (contract) is not part of it.'),
  forbid('validation-does-not-import-render', { path: '^lib/validation/' }, { path: '^lib/render/' }, 'validation and render are siblings: a rule that needs a rendered word gets it from spec or net, so renderers can trust validated input and rules never depend on output formats.'),
  forbid('render-does-not-import-validation', { path: '^lib/render/' }, { path: '^lib/validation/' }, 'Renderers are pure (spec and warnings in, files out): they trust the validated spec and never run validation themselves; shared address helpers live in lib/net.'),
  forbid('pure-layers-do-no-io', { path: modulesOf(['spec', 'net', 'validation', 'render']) }, { dependencyTypes: ['core'], path: '^(node:)?(fs|fs/promises|child_process|net|dgram|http|https|http2|tls|os|worker_threads)$' }, 'spec, net, validation and render are pure: no files, processes or network. Reading and writing the synthesized folder is lib/synth; talking to appliances is lib/targets.'),
  forbid('only-cli-imports-import', { path: '^lib/', pathNot: '^lib/(cli|import)/' }, { path: '^lib/import/' }, 'lib/import (recovering a site from an appliance) is run by the CLI only: nothing below it may depend on it.'),
  forbid('import-does-not-import-cli', { path: '^lib/import/' }, { path: '^lib/cli/' }, 'lib/import is called by the CLI and reports through exit codes of lib/contract; it must not reach back into the CLI.'),
  forbid('nothing-imports-cli', { path: '^lib/', pathNot: '^lib/cli/' }, { path: '^lib/cli/' }, 'lib/cli is the top: the shell around targets (arguments, output, lock). What other layers need of it belongs in lib/contract or in an interface they define themselves.'),
  forbid('only-the-index-imports-testing', { path: '^lib/', pathNot: '^lib/(testing/|index\\.ts$)' }, { path: '^lib/testing/' }, 'The testing kit is for users’ tests; the library itself never depends on it.'),
  forbid('nothing-imports-the-index', { path: '^lib/' }, { path: '^lib/index\\.ts$' }, 'lib/index.ts is the public API; modules inside the library import the module they need, so the index can never close a cycle.'),
  forbid('no-circular', { path: '^lib/' }, { circular: true }, 'No import cycle, type-only imports included: two modules that need each other are one concept split in two, or a shared part that belongs a layer lower.'),
  forbid('no-unresolvable-import', { path: '^lib/' }, { couldNotResolve: true }, 'An import the linter cannot resolve is an import it cannot check.'),
];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [...layerRules, ...inLayerRules],
  options: {
    // lib/**/*.ts (and the core and npm modules they import): the .js and .d.ts beside them are
    // jsii's build output.
    exclude: { path: '^lib/.*(\\.d\\.ts|\\.js)$' },
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    // .ts first, so an import in lib/ resolves to the source, never to the build output beside it.
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
};
