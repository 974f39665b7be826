import { fileURLToPath } from 'node:url';

// This file sits two folders below the project root, as the compiled server does (`dist/server/main.js`), so the same
// relative address finds the root whether the server runs from source (tsx) or from the build.
/** The project's root folder. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A file of the demo county under `scripts/demo/`. */
export const demoFile = (name: string) => `${PROJECT_ROOT}scripts/demo/${name}`;
