#!/usr/bin/env node
// Entry point for `npx evidence-store`. Plain JavaScript so it can check the Node version before
// loading the TypeScript sources (which need Node 24's type stripping and better-sqlite3 13).
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(
    `Evidence Store needs Node.js 24 or newer; this is Node ${process.versions.node}.\n` +
      'Run it through npm, which uses the Node 24 installed with the project: `npx evidence-store …` or `npm start`.',
  );
  process.exit(2);
}
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
