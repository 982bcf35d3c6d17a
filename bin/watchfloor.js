#!/usr/bin/env node
// The `watchfloor` command. Node 24 runs the TypeScript sources directly (type stripping),
// so check the version before importing any of them.
import process from 'node:process';
import { setTimeout } from 'node:timers';

const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  process.stderr.write(
    `watchfloor needs Node.js 24 or newer; this is Node.js ${process.versions.node}.\n` +
      'Install Node 24 (https://nodejs.org/) and run the command again.\n',
  );
  process.exit(3);
}
const { main } = await import('../src/cli/main.ts');
const code = await main(process.argv.slice(2));
process.exitCode = code;
setTimeout(() => process.exit(code), 2_000).unref();
