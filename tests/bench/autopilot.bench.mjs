// Auto-pilot offline, a 45 s video: `director autopilot --offline` (the app's Auto-pilot in headless
// Chromium: outline script, eSpeak NG voice, designed scenes, the mix, the in-browser render), timed
// by step as the run itself records them. No other topic-to-video tool is in node_modules: peer is null.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

export async function runAutopilotBench({ root, emit }) {
  const dir = mkdtempSync(path.join(tmpdir(), 'autopilot-bench-'));
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(root, 'bin/director.mjs'), 'autopilot', 'how bees make honey', '--offline', '--length', '45', '--out', path.join(dir, 'v.mp4')], { cwd: root, maxBuffer: 16 * 1024 * 1024 });
    const report = JSON.parse(stdout.trim().split('\n').at(-1));
    if (!report.ok) throw new Error(`director autopilot failed: ${report.error}`);
    for (const step of report.steps) emit({ name: `autopilot offline 45 s video: ${step.id}`, value: Math.round((step.seconds ?? 0) * 1000), unit: 'ms', peer: null, peerValue: null, note: step.summary });
    const steps = report.steps.reduce((n, s) => n + (s.seconds ?? 0), 0);
    emit({ name: 'autopilot offline 45 s video: all steps', value: Math.round(steps * 1000), unit: 'ms', peer: null, peerValue: null, wallMs: report.ms, note: 'wall time includes starting Chromium and the app' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
