// Set-up shared by `npm start`, `npm test` and `npm run bench`: installs what is missing, nothing more.
import { execSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CHROMIUM = '/usr/bin/chromium';

function log(message) {
  console.log(`[director] ${message}`);
}

/** The npm packages of the repository, each with its own lock file: the app, the edge, the render service. */
export const PACKAGES = ['.', 'edge', 'edge/render'];

/** `npm ci` in each package whose node_modules is missing or was installed from another lock file. */
export function ensureDependencies() {
  for (const dir of PACKAGES) {
    const cwd = path.join(ROOT, dir);
    const stamp = path.join(cwd, 'node_modules', '.director-lock-hash');
    const hash = createHash('sha256').update(readFileSync(path.join(cwd, 'package-lock.json'))).digest('hex');
    if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) continue;
    log(`installing dependencies in ${dir === '.' ? 'the app' : dir}/ (npm ci)…`);
    // Dev dependencies too, whatever NODE_ENV says: the build and the tests need them.
    run('npm', ['ci', '--include=dev', '--no-audit', '--no-fund'], { cwd });
    writeFileSync(stamp, hash);
  }
  emitEdgeApiTypes();
}

/**
 * The edge's route types (types/edge-api, not committed) that the app's typed client is checked
 * against: written from edge/src by the TypeScript compiler, ~3 s.
 */
export function emitEdgeApiTypes() {
  run(process.execPath, [path.join(ROOT, 'edge', 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(ROOT, 'edge', 'tsconfig.api-types.json')]);
}

/** Debian's Chromium for the browser tests and the render service; never a downloaded browser. */
export function ensureChromium({ required = true } = {}) {
  ensureDebianPackages({
    what: 'Chromium',
    present: () => existsSync(CHROMIUM),
    packages: ['chromium'],
    without: 'the render service cannot render until then',
    required,
  });
}

/**
 * Debian's ffmpeg (with ffprobe, and the DejaVu font it draws text with): the local demo
 * providers of `npm start` make their clips and images with it, and tests probe videos with it.
 */
export function ensureFfmpeg({ required = true } = {}) {
  ensureDebianPackages({
    what: 'ffmpeg',
    present: () => hasCommand('ffmpeg') && hasCommand('ffprobe') && existsSync('/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'),
    packages: ['ffmpeg', 'fonts-dejavu-core'],
    without: 'the local demo providers answer video and image requests with this message until then',
    required,
  });
}

/**
 * Debian's xmllint (libxml2-utils): the timeline tests validate every FCPXML the app writes against
 * Apple's FCPXML DTD with it (tests/core/timeline/fcpxml-dtd.test.ts fails without it).
 */
export function ensureXmllint({ required = true } = {}) {
  ensureDebianPackages({
    what: 'xmllint',
    present: () => hasCommand('xmllint'),
    packages: ['libxml2-utils'],
    without: 'the FCPXML validation tests fail until then',
    required,
  });
}

let aptUpdated = false;

/**
 * Installs missing Debian packages with apt-get when running as root. Otherwise it throws
 * (`required`) or prints one sentence saying what to install and what does not work meanwhile.
 */
function ensureDebianPackages({ what, present, packages, without, required }) {
  if (present()) return;
  const command = `sudo apt-get install -y ${packages.join(' ')}`;
  if (process.getuid?.() !== 0) {
    if (required) throw new Error(`${what} is missing. Install it with: ${command}`);
    log(`${what} is missing: install it with \`${command}\` (${without}).`);
    return;
  }
  log(`installing Debian ${packages.join(', ')} (apt-get)…`);
  try {
    if (!aptUpdated) run('apt-get', ['update', '-qq']);
    aptUpdated = true;
    run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  } catch (err) {
    if (required) throw err;
    log(`${what} could not be installed (${err.message}): install it with \`${command}\` (${without}).`);
  }
}

/**
 * Model files the app serves (face detector with its metadata, the ONNX face embedder), made from
 * npm-shipped weights by models/build-models.mjs into models/dist (fast when up to date), and served
 * by the app at /models through public/models; then the app's WebAssembly (esbuild, ffmpeg core,
 * MediaPipe, onnxruntime), placed by wasm/stage-wasm.mjs, which also writes wasm/manifest.json.
 */
export function buildModels() {
  run(process.execPath, [path.join(ROOT, 'models', 'build-models.mjs')]);
  const link = path.join(ROOT, 'public', 'models');
  if (!existsSync(link)) symlinkSync(path.join('..', 'models', 'dist'), link, 'dir');
  run(process.execPath, [path.join(ROOT, 'wasm', 'stage-wasm.mjs')]);
}

export function buildApp() {
  buildModels();
  log('building the app…');
  run('npx', ['vite', 'build', '--logLevel', 'warn']);
}

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
  return result;
}

export function hasCommand(name) {
  try {
    execSync(`command -v ${name}`, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
