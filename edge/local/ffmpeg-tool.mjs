// Debian's ffmpeg/ffprobe, found once and run as child processes with a time limit.
import { spawn, spawnSync } from 'node:child_process';

/** The install hint every "missing" message repeats, so a person knows the one thing to do. */
export const FFMPEG_INSTALL_HINT = 'install Debian ffmpeg (sudo apt-get install -y ffmpeg fonts-dejavu-core), or run `npm start` as root once to have it installed';

/** Lookups by command pair: a test (or a person) may point DIRECTOR_FFMPEG elsewhere at run time. */
const found = new Map();

/**
 * Whether ffmpeg and ffprobe can run here. DIRECTOR_FFMPEG / DIRECTOR_FFPROBE override the commands.
 * @returns {{ ok: true, ffmpeg: string, ffprobe: string } | { ok: false, message: string }}
 */
export function findFfmpeg() {
  const ffmpeg = process.env.DIRECTOR_FFMPEG || 'ffmpeg';
  const ffprobe = process.env.DIRECTOR_FFPROBE || 'ffprobe';
  const key = `${ffmpeg}\0${ffprobe}`;
  if (!found.has(key)) {
    const missing = [ffmpeg, ffprobe].filter((cmd) => spawnSync(cmd, ['-version'], { stdio: 'ignore' }).status !== 0);
    found.set(
      key,
      missing.length
        ? { ok: false, message: `The local demo video maker needs ${missing.join(' and ')}, which ${missing.length > 1 ? 'are' : 'is'} not installed: ${FFMPEG_INSTALL_HINT}.` }
        : { ok: true, ffmpeg, ffprobe },
    );
  }
  return found.get(key);
}

/**
 * Runs a command to completion; rejects with its last stderr lines on a non-zero exit or a timeout.
 * @param {string} command
 * @param {string[]} args
 * @param {{ timeoutMs?: number, cwd?: string }} [options]
 * @returns {Promise<string>} stdout
 */
export function runTool(command, args, { timeoutMs = 180_000, cwd } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) return resolve(stdout);
      const why = signal === 'SIGKILL' ? `took longer than ${timeoutMs / 1000} s` : `exited with ${code ?? signal}`;
      reject(new Error(`${command} ${why}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`));
    });
  });
}
