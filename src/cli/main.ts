/**
 * The `director` command line: the same code paths as the app, for scripts and CI pipelines.
 *   director bundle <dir> [--json]
 */
import { parseArgs } from 'node:util';
import { bundleCommand } from './bundle-command';

const USAGE = `Usage:
  director bundle <dir> [--json]     bundle a Remotion project folder with Director's bundler
`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } } });
  if (!command || values.help) {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  switch (command) {
    case 'bundle':
      if (!positionals[0]) return usage('bundle needs a project folder');
      return bundleCommand({ dir: positionals[0], json: values.json ?? false });
    default:
      return usage(`unknown command "${command}"`);
  }
}

function usage(problem: string): number {
  console.error(`director: ${problem}\n\n${USAGE}`);
  return 2;
}
