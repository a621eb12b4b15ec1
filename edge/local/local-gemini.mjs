// Local demo Gemini (shared/wire/gemini.md): generateContent, streamGenerateContent?alt=sse and
// countTokens on v1beta and v1. Image models answer with a real PNG from the demo media maker; the
// speech model with eSpeak NG saying the words (local-speech.mjs); text models with a template that says it
// is the local demo (and, for the canvas' Enhance node, a usable rewrite of the prompt).
import { makeDemoImage } from './demo-media.mjs';
import { findFfmpeg } from './ffmpeg-tool.mjs';
import { localSpeechPcm } from './local-speech.mjs';
import { googleError, googleId, hasGoogleKey, readJson, sendGoogleJson } from './wire-http.mjs';

/** Gemini's 1K image sizes per aspect ratio (gemini.md §7). */
const IMAGE_SIZES = {
  '1:1': [1024, 1024],
  '2:3': [832, 1248],
  '3:2': [1248, 832],
  '3:4': [864, 1184],
  '4:3': [1184, 864],
  '9:16': [768, 1344],
  '16:9': [1344, 768],
  '21:9': [1536, 672],
};

/** Camera, light and grade words for each Enhance style (src/core/prompt/enhance-prompt.ts names them). */
const STYLE_WORDS = [
  [/cinematic/i, 'Wide establishing shot on a 35mm lens, slow dolly-in, soft golden-hour light, teal-and-orange grade.'],
  [/product commercial/i, 'Clean studio lighting, slow hero reveal on a turntable, crisp reflections on every surface.'],
  [/anime/i, 'Cel-shaded, expressive key poses over painted backgrounds, dynamic sweeping camera.'],
  [/documentary/i, 'Handheld observational camera, natural light, real textures and ambient sound.'],
  [/film noir/i, 'Hard low-key light, deep shadows, high-contrast black and white, rain and drifting smoke.'],
  [/vintage film/i, '16mm grain, warm faded colours, gentle gate weave, period details.'],
];

const LOCAL_NOTE = 'This is the local demo model of `npm start`: it answers from templates, without a language model. Start Director with GEMINI_API_KEY=… npm start to talk to the real one.';

export function makeLocalGemini() {
  async function modelCall(req, res, url, model, method) {
    if (!hasGoogleKey(req, url, res)) return;
    const body = await readJson(req);
    if (!body) return googleError(res, 400, 'INVALID_ARGUMENT', 'Invalid JSON payload received.');
    const prompt = lastUserText(body);
    if (method === 'countTokens') {
      const tokens = prompt.split(/\s+/).filter(Boolean).length;
      return sendGoogleJson(res, 200, { totalTokens: tokens, promptTokensDetails: [{ modality: 'TEXT', tokenCount: tokens }] });
    }
    let parts;
    if (/image/.test(model)) {
      const maker = findFfmpeg();
      if (!maker.ok) return googleError(res, 400, 'FAILED_PRECONDITION', maker.message);
      const config = body.generationConfig ?? body.generation_config ?? {};
      const aspect = (config.imageConfig ?? config.image_config ?? {}).aspectRatio ?? (config.imageConfig ?? config.image_config ?? {}).aspect_ratio ?? '1:1';
      const [width, height] = IMAGE_SIZES[aspect] ?? IMAGE_SIZES['1:1'];
      const png = await makeDemoImage({ prompt: prompt || 'An image', seed: config.seed, width, height });
      parts = [{ text: `Local demo image for: ${prompt.slice(0, 200)}` }, { inlineData: { mimeType: 'image/png', data: png.toString('base64') } }];
    } else if (/tts/.test(model)) {
      parts = [{ inlineData: { mimeType: 'audio/L16;codec=pcm;rate=24000', data: (await localSpeechPcm(prompt)).toString('base64') } }];
    } else {
      parts = [{ text: textAnswer(body, prompt) }];
    }
    const answer = { candidates: [{ content: { parts, role: 'model' }, finishReason: 'STOP', index: 0 }], usageMetadata: usage(prompt, parts), modelVersion: model, responseId: googleId(16) };
    if (method === 'generateContent') return sendGoogleJson(res, 200, answer);
    if (url.searchParams.get('alt') !== 'sse') return sendGoogleJson(res, 200, [answer]);
    return stream(res, answer);
  }

  /** Text parts as deltas, then the final event with finishReason (gemini.md §4). */
  function stream(res, answer) {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Content-Disposition': 'attachment', 'X-Content-Type-Options': 'nosniff' });
    const base = { modelVersion: answer.modelVersion, responseId: answer.responseId };
    const parts = answer.candidates[0].content.parts;
    const text = parts.every((p) => typeof p.text === 'string') ? parts.map((p) => p.text).join('') : null;
    const chunks = text === null ? [parts] : sentences(text).map((t) => [{ text: t }]);
    chunks.forEach((chunk, i) => {
      const last = i === chunks.length - 1;
      const candidate = { content: { parts: chunk, role: 'model' }, index: 0, ...(last ? { finishReason: 'STOP' } : {}) };
      res.write(`data: ${JSON.stringify({ candidates: [candidate], usageMetadata: answer.usageMetadata, ...base })}\r\n\r\n`);
    });
    res.end();
  }

  /** Handles the request when it is a Gemini model path; returns false otherwise. */
  return async function handle(req, res, url) {
    const m = /^\/(v1beta|v1)\/models\/([^/:]+):(generateContent|streamGenerateContent|countTokens)$/.exec(url.pathname);
    if (m && req.method === 'POST') return await modelCall(req, res, url, m[2], m[3]), true;
    if (/^\/(upload\/)?(v1beta|v1)\/files/.test(url.pathname) && !/:download$/.test(url.pathname)) {
      return googleError(res, 501, 'UNIMPLEMENTED', 'The local demo Gemini has no Files API; start Director with GEMINI_API_KEY=… for it.'), true;
    }
    return false;
  };
}

/** The text of the last user turn (camelCase or snake_case bodies). */
function lastUserText(body) {
  const contents = body.contents ?? [];
  const users = contents.filter((c) => (c.role ?? 'user') === 'user');
  const last = users[users.length - 1];
  return (last?.parts ?? []).map((p) => p.text ?? '').join(' ').trim();
}

function systemText(body) {
  const system = body.systemInstruction ?? body.system_instruction;
  return (system?.parts ?? []).map((p) => p.text ?? '').join('\n');
}

/** The Enhance node's rewrite (prompt + the style's camera words), or a plain local-demo answer. */
function textAnswer(body, prompt) {
  const system = systemText(body);
  if (/Rewrite the user's video idea/i.test(system)) {
    const style = STYLE_WORDS.find(([re]) => re.test(system))?.[1] ?? '';
    const idea = prompt.replace(/[\s.]+$/, '') || 'An establishing shot';
    return `${idea[0].toUpperCase()}${idea.slice(1)}. ${style}`.trim();
  }
  if (/^Write a narrated video script as JSON\./.test(system)) return JSON.stringify(scriptOutline(system, prompt));
  return `${LOCAL_NOTE}\n\nYou wrote: “${prompt.slice(0, 300)}”`;
}

/**
 * Auto-pilot's script request (src/core/autopilot/script-request.ts) answered with an outline
 * built from the topic: schema-valid JSON, as many scenes and seconds as asked, labelled local in
 * its title so nobody mistakes it for a model's writing.
 */
function scriptOutline(system, prompt) {
  const topic = prompt.replace(/^Topic:\s*/, '').replace(/[.!?\s]+$/, '').slice(0, 80) || 'this topic';
  const plan = /about (\d+) seconds in (\d+) scenes/.exec(system);
  const lengthS = plan ? Number(plan[1]) : 45;
  const count = plan ? Math.max(1, Math.min(30, Number(plan[2]))) : 6;
  const beats = [
    ['Why it matters', `Why does ${topic} matter? Here is the short answer.`, `People whose day is touched by ${topic}`],
    ['How it works', `The idea behind ${topic} is simpler than it looks.`, `A close-up showing how ${topic} works`],
    ['An example', `Take one real example of ${topic} and follow it through.`, `A real-world example of ${topic}`],
    ['Try this', `Start small: try one part of ${topic} this week.`, `Hands trying out ${topic} for the first time`],
  ];
  const title = topic[0].toUpperCase() + topic.slice(1);
  const scenes = Array.from({ length: count }, (_, i) => {
    const [onScreenText, narration, visualDescription] =
      i === 0 ? [title, `This is a local outline about ${topic}, written without a language model.`, `An establishing shot about ${topic}`]
      : i === count - 1 ? ['Thanks for watching', `That is ${topic} in a nutshell. Thanks for watching.`, `A calm closing shot about ${topic}`]
      : beats[(i - 1) % beats.length];
    return { narration, onScreenText, visualDescription, durationS: Math.round((lengthS / count) * 10) / 10 };
  });
  return { title: `${title} (local outline)`.slice(0, 120), hook: scenes[0].narration, scenes };
}

function sentences(text) {
  const out = text.match(/[^.!?\n]+[.!?\n]*\s*/g) ?? [text];
  return out.length ? out : [text];
}

function usage(prompt, parts) {
  const promptTokens = Math.max(1, prompt.split(/\s+/).filter(Boolean).length);
  const out = parts.reduce((n, p) => n + (p.text ? p.text.split(/\s+/).length : 258), 0);
  return { promptTokenCount: promptTokens, candidatesTokenCount: out, totalTokenCount: promptTokens + out };
}

