/** The espeak-ng package (Emscripten, ES module) ships no types: the parts we use. */
declare module 'espeak-ng' {
  export interface ESpeakNgOptions {
    /** The command line, as `espeak-ng <arguments>`. */
    arguments: string[];
    print?: (line: string) => void;
    printErr?: (line: string) => void;
    locateFile?: (path: string, scriptDirectory: string) => string;
    /** Emscripten's hook to instantiate the wasm ourselves (one compiled module, many runs). */
    instantiateWasm?: (
      imports: WebAssembly.Imports,
      done: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void,
    ) => Record<string, never>;
  }
  export interface ESpeakNgInstance {
    FS: { readFile(path: string): Uint8Array; unlink(path: string): void };
  }
  export default function ESpeakNg(options: ESpeakNgOptions): Promise<ESpeakNgInstance>;
}
