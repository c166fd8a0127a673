#!/usr/bin/env node
// `redress`: runs the TypeScript source with no build step for the user to remember (`npm install && npm
// start` is all). Loading ~200 source files through tsx's loader hooks cost about 1.5 s of every start (each
// import is resolved and transformed on the hooks' own thread), so the source is bundled once with esbuild
// (which tsx already brings) into node_modules/.cache/redress and run from there; the bundle is rebuilt, in
// well under a second, whenever a file under src/ or the lockfile changes. If the bundle cannot be built,
// Redress runs through tsx as before.
import { launch } from './launch.js';

await launch();
