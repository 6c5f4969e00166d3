/**
 * `npm run build:electron` step: tsc compiles the core's TypeScript to dist/ but copies no other
 * file, and the pack's site reads its stylesheet and script from beside its modules
 * (core/pack/site/assets.ts). This puts them there in dist/ too.
 */
import { cpSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ASSETS = ['core/pack/site/assets'];
const root = fileURLToPath(new URL('../', import.meta.url));
for (const folder of ASSETS) cpSync(new URL(folder, `file://${root}`), new URL(`dist/${folder}`, `file://${root}`), { recursive: true });
console.log(`Copied ${ASSETS.join(', ')} into dist/.`);
