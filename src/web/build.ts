/**
 * The web app's static build in `web/dist`: whether it is missing or older than its sources, and building
 * it with Vite. `npm start` builds when needed, so a fresh clone's two commands still do everything.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's `web/` folder. */
export const WEB_ROOT = fileURLToPath(new URL('../../web/', import.meta.url));
/** The pure rules the web app imports rather than copies (CRN, stages, London dates, contact patterns). */
const DOMAIN_ROOT = fileURLToPath(new URL('../domain/', import.meta.url));
/** Where the build lands, and what `redress serve` serves. */
export const WEB_DIST = join(WEB_ROOT, 'dist');
const STAMP = '.source-hash';

async function* sourceFiles(dir: string): AsyncGenerator<string> {
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'dist' && entry.name !== 'node_modules') yield* sourceFiles(path);
    } else {
      yield path;
    }
  }
}

/**
 * A hash of every source of the build: the files under `web/`, the domain modules it imports (a change to a
 * shared rule must rebuild the web app too) and the lockfile (package versions).
 */
export async function webSourceHash(): Promise<string> {
  const hash = createHash('sha256');
  const lockfile = fileURLToPath(new URL('../../package-lock.json', import.meta.url));
  for (const file of [lockfile]) hash.update(await readFile(file));
  for (const root of [WEB_ROOT, DOMAIN_ROOT]) {
    for await (const file of sourceFiles(root)) {
      hash.update(relative(WEB_ROOT, file));
      hash.update('\0');
      hash.update(await readFile(file));
    }
  }
  return hash.digest('hex');
}

/** `fresh` when `web/dist` was built from the current sources. */
export async function webBuildState(): Promise<'missing' | 'stale' | 'fresh'> {
  let built: string;
  try {
    built = (await readFile(join(WEB_DIST, STAMP), 'utf8')).trim();
  } catch {
    return 'missing';
  }
  return built === (await webSourceHash()) ? 'fresh' : 'stale';
}

/** Builds `web/dist` with Vite and stamps it with the hash of its sources. */
export async function buildWeb(): Promise<void> {
  const hash = await webSourceHash();
  const { build } = await import('vite');
  await build({ configFile: join(WEB_ROOT, 'vite.config.ts'), logLevel: 'warn', mode: 'production' });
  await writeFile(join(WEB_DIST, STAMP), `${hash}\n`);
}
