/**
 * How `bin/redress.js` starts Redress: from an esbuild bundle of src/ when one matches the source, building it
 * first when none does, or through tsx when no bundle can be built.
 *
 * The bundle is keyed by every source file's path, size and modification time, the lockfile's and Node's
 * version, so an edit, a `git pull` or an `npm install` gives a new key and a fresh bundle; nobody has to
 * remember a build step. Packages stay outside it (Node loads them from node_modules as usual). Two entry
 * points are built: the command line, and the task a letter render thread runs, so those threads start
 * without tsx too.
 *
 * Source files find their neighbours through `import.meta.url` (the web app, the worker-thread entries):
 * in the bundle each keeps its own file's URL, so those paths are the same as under tsx.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SRC = join(ROOT, 'src');
const CACHE = join(ROOT, 'node_modules', '.cache', 'redress');
/** Bundles kept besides the current one: a process that just chose an older one may still be loading it. */
const KEEP = 3;

/** Starts Redress's command line with `process.argv` as it is. */
export async function launch() {
  let entry;
  try {
    entry = await bundledCli();
  } catch (error) {
    if (process.env.REDRESS_DEBUG_BUNDLE)
      process.stderr.write(`redress: running without a bundle: ${error}\n`);
  }
  if (entry) {
    await import(entry);
    return;
  }
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}

/** The URL of a bundle of the current source, built if missing. */
export async function bundledCli() {
  const key = sourceKey();
  const dir = join(CACHE, key);
  const cli = join(dir, 'cli.mjs');
  if (!exists(cli)) await build(dir);
  return pathToFileURL(cli).href;
}

function exists(file) {
  try {
    statSync(file);
    return true;
  } catch {
    return false;
  }
}

function sourceKey() {
  const hash = createHash('sha256').update(`${process.version}\0${ROOT}\0`);
  for (const file of readdirSync(SRC, { recursive: true }).sort()) {
    if (!/\.(ts|mjs|json)$/.test(file) || /\.test\.ts$/.test(file)) continue;
    const stat = statSync(join(SRC, file));
    hash.update(`${file}\0${stat.size}\0${stat.mtimeMs}\n`);
  }
  hash.update(readFileSync(join(ROOT, 'package-lock.json')));
  return hash.digest('hex').slice(0, 16);
}

async function build(dir) {
  const { build: esbuild } = await import('esbuild');
  const temp = `${dir}.${process.pid}.tmp`;
  rmSync(temp, { recursive: true, force: true });
  await esbuild({
    absWorkingDir: ROOT,
    entryPoints: {
      cli: join(SRC, 'cli', 'main.ts'),
      'render-task': join(SRC, 'documents', 'pdf', 'render-task.ts'),
    },
    outdir: temp,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: `node${process.versions.node.split('.')[0]}`,
    packages: 'external',
    // Modules imported with import() stay in chunks of their own, loaded only when asked for (the S3 client).
    splitting: true,
    // Node resolves the packages from the bundle's folder, which is inside node_modules' parent: the same ones.
    define: { __REDRESS_RENDER_TASK__: JSON.stringify(pathToFileURL(join(dir, 'render-task.mjs')).href) },
    plugins: [ownUrls],
    logLevel: 'silent',
  });
  try {
    renameSync(temp, dir);
  } catch (error) {
    // Another process built the same bundle first: theirs is as good.
    rmSync(temp, { recursive: true, force: true });
    if (!exists(join(dir, 'cli.mjs'))) throw error;
  }
  prune(dir);
}

/** Each source file keeps its own `import.meta.url`. */
const ownUrls = {
  name: 'redress-own-urls',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return { contents: source, loader: 'ts' };
      const url = JSON.stringify(pathToFileURL(args.path).href);
      return { contents: source.replaceAll('import.meta.url', url), loader: 'ts' };
    });
  },
};

function prune(current) {
  const others = readdirSync(CACHE)
    .map((name) => join(CACHE, name))
    .filter((path) => path !== current && !path.endsWith('.tmp'))
    .map((path) => ({ path, at: statSync(path).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const { path } of others.slice(KEEP)) rmSync(path, { recursive: true, force: true });
}
