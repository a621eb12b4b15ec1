/**
 * eSpeak NG (wasm, voice data inside it) as a synthesiser: the wasm is compiled once and a fresh
 * instance runs each command line, because the Emscripten build runs `main` once per instance.
 * Instantiating the compiled module costs ~150 ms; the compile itself happens once per worker.
 */
import ESpeakNg from 'espeak-ng';
import { decodeWavChannels } from '../../src/core/audio/wav.ts';
import { espeakArguments, parseEspeakVoiceList, type OfflineVoice } from '../../src/core/narration/espeak-voices.ts';
import type { VoiceSettings } from '../../src/core/narration/narration-types.ts';

export interface EspeakSpeech {
  /** Mono PCM as eSpeak NG writes it (22050 Hz). */
  pcm: Float32Array;
  sampleRate: number;
  /** `-x` phoneme lines, one per clause. */
  phonemeLines: string[];
}

export interface EspeakEngine {
  speak(text: string, settings: Pick<VoiceSettings, 'voice' | 'speed' | 'pitch'>): Promise<EspeakSpeech>;
  voices(): Promise<OfflineVoice[]>;
}

const OUT_PATH = '/narration.wav';

export function createEspeakEngine(loadWasm: () => Promise<WebAssembly.Module>): EspeakEngine {
  let compiled: Promise<WebAssembly.Module> | null = null;
  let voiceList: Promise<OfflineVoice[]> | null = null;

  async function run(args: string[]) {
    compiled ??= loadWasm().catch((error) => {
      compiled = null;
      throw error;
    });
    const module = await compiled;
    const lines: string[] = [];
    const errors: string[] = [];
    const instance = await ESpeakNg({
      arguments: args,
      print: (line) => lines.push(line),
      printErr: (line) => errors.push(line),
      instantiateWasm(imports, done) {
        void WebAssembly.instantiate(module, imports).then((made) => done(made, module));
        return {};
      },
    });
    return { instance, lines, errors };
  }

  return {
    async speak(text, settings) {
      const { instance, lines, errors } = await run(espeakArguments(text, settings, OUT_PATH));
      let bytes: Uint8Array;
      try {
        bytes = instance.FS.readFile(OUT_PATH);
      } catch {
        throw new Error(`The offline voice produced no audio${errors.length ? `: ${errors.join(' ').slice(0, 200)}` : '.'}`);
      }
      const wav = decodeWavChannels(bytes);
      if (!wav || !wav.channels[0]) throw new Error('The offline voice wrote a WAV file it cannot read back.');
      return { pcm: wav.channels[0], sampleRate: wav.sampleRate, phonemeLines: lines };
    },
    voices() {
      voiceList ??= run(['--voices']).then(({ lines }) => parseEspeakVoiceList(lines));
      return voiceList;
    },
  };
}
