// Timeline interchange benchmark: parse + write of a 2,000-clip FCPXML and EDL with the app's core
// (loaded through Vite, as the app bundles it). No timeline library is in node_modules to compare
// with (no OpenTimelineIO or FCPXML package on npm is a dependency), so peer is null.
import { createServer } from 'vite';

const CLIPS = 2000;
const RUNS = 15;
const WARMUP = 3;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = (v) => Math.round(v * 10) / 10;

export async function runTimelineBench({ root, emit }) {
  const vite = await createServer({ root, logLevel: 'silent', server: { middlewareMode: true }, appType: 'custom' });
  try {
    const { timelineFromCut, writeTimeline, readTimeline } = await vite.ssrLoadModule('/src/core/timeline/index.ts');
    const timeline = timelineFromCut({
      name: 'Bench',
      fps: 29.97,
      dropFrame: true,
      width: 1920,
      height: 1080,
      clips: Array.from({ length: CLIPS }, (_, i) => ({ name: `Shot ${i + 1}`, mediaName: `shot-${i % 400}.mp4`, durationFrames: 24 + (i % 90), sourceInFrames: i % 37, scene: `Scene ${Math.floor(i / 20) + 1}` })),
      audio: [{ name: 'Music', mediaName: 'music.wav', durationFrames: 200_000 }],
    });
    for (const [format, label] of [['fcpxml', 'FCPXML'], ['edl', 'EDL']]) {
      const text = writeTimeline(timeline, format).text;
      const times = [];
      for (let i = 0; i < WARMUP + RUNS; i++) {
        const start = performance.now();
        const read = readTimeline(`bench.${format}`, text, { edlRate: timeline.rate });
        if (!read.ok) throw new Error(read.error);
        writeTimeline(read.timeline, format);
        if (i >= WARMUP) times.push(performance.now() - start);
      }
      emit({ name: `timeline ${label} parse + write, ${CLIPS} clips (median of ${RUNS} after ${WARMUP} warm-up runs)`, value: round(median(times)), unit: 'ms', peer: null, peerValue: null, bytes: text.length, note: 'no timeline interchange package in node_modules to compare with' });
    }
  } finally {
    await vite.close();
  }
}
