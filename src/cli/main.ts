/** The `switchboard` command line. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { runScenario } from '../conformance/engine.ts';
import { loadScenario } from '../conformance/scenario.ts';
import { formatTrace } from '../conformance/trace.ts';
import { SiteFolders } from '../loader/sites.ts';
import { conform } from './conform-command.ts';
import { ENGINE_NAMES, engineNamed, type EngineName } from './engines.ts';
import { nativeCheck, type NativeCliOptions } from './native-check.ts';
import { nativeTalk } from './native-talk.ts';
import { runExtension } from './run-extension.ts';

function engineOption(value: string): EngineName {
  if (!(ENGINE_NAMES as readonly string[]).includes(value)) {
    throw new InvalidArgumentError(`expected one of ${ENGINE_NAMES.join(', ')}`);
  }
  return value as EngineName;
}

export function createProgram(): Command {
  const program = new Command('switchboard')
    .description("Chrome's extension message passing outside the browser, exactly as Chrome does it.")
    .showHelpAfterError();

  program
    .command('run')
    .description('run a scenario folder (scenario.json) or an unpacked extension folder (manifest.json)')
    .argument('<dir>', 'a scenario folder or an unpacked extension')
    .option('-e, --engine <engine>', `where to run a scenario: ${ENGINE_NAMES.join(' or ')}`, engineOption, 'switchboard')
    .option('-o, --open <url...>', 'with an extension folder: tabs to open, in order')
    .option('-s, --site <origin=folder...>', 'with an extension folder: serve a site from a folder, e.g. http://a.test=site')
    .option('--json', 'print the trace as JSON')
    .action(async (dir: string, options: { engine: EngineName; open?: string[]; site?: string[]; json?: boolean }) => {
      if (existsSync(join(dir, 'scenario.json'))) {
        if (options.site) throw new InvalidArgumentError('a scenario names its sites in scenario.json');
        const run = await runScenario(loadScenario(dir), await engineNamed(options.engine));
        console.log(options.json ? JSON.stringify(run.trace, null, 2) : formatTrace(run.trace));
        if (!options.json) console.error(`\n${run.scenario.name} on ${run.engine}: ${Math.round(run.milliseconds)} ms`);
      } else if (existsSync(join(dir, 'manifest.json'))) {
        if (options.engine !== 'switchboard') throw new InvalidArgumentError('an extension folder runs in Switchboard; wrap it in a scenario to run it in Chromium');
        let sites: SiteFolders;
        try {
          sites = SiteFolders.parse(options.site ?? []);
        } catch (error) {
          throw new InvalidArgumentError((error as Error).message);
        }
        await runExtension(dir, options.open ?? [], (line) => console.log(line), sites);
      } else {
        throw new InvalidArgumentError(`${dir} holds neither a scenario.json nor a manifest.json`);
      }
    });

  program
    .command('conform')
    .description('run scenarios in real Chromium and in Switchboard and compare what each observed')
    .argument('<scenarios...>', 'scenario folders')
    .action(async (dirs: string[]) => {
      const results = await conform(dirs, (line) => console.log(line));
      if (!results.every((r) => r.identical)) process.exitCode = 1;
    });

  const native = program.command('native').description('native messaging hosts: check one, or talk to one as Chrome would');
  const hostOptions = (command: Command): Command =>
    command
      .option('--origin <origin>', 'the calling extension, chrome-extension://<id>/')
      .option('--brand <brand>', "whose folders to search: chrome or chromium", brandOption)
      .option('--user-data-dir <dir>', "Chrome's --user-data-dir (its NativeMessagingHosts/ is the user-level folder)")
      .option('--host-dir <dir...>', "search only these folders instead of Chrome's");
  hostOptions(
    native
      .command('check')
      .description('say where Chrome looks for a host, what it finds, and every problem with how to fix it (exit 1 on problems)')
      .argument('<host>', 'a host name (com.example.host) or a manifest file (.json)'),
  ).action((target: string, options: NativeCliOptions) => {
    if (nativeCheck(target, options, (line) => console.log(line)) > 0) process.exitCode = 1;
  });
  hostOptions(
    native
      .command('talk')
      .description('start a host as Chrome would and talk to it: JSON lines on stdin go to the host, its messages and exit are printed')
      .argument('<host>', 'a host name (com.example.host) or a manifest file (.json)'),
  ).action(async (target: string, options: NativeCliOptions) => {
    process.exitCode = await nativeTalk(target, options, {
      input: process.stdin,
      write: (line) => console.log(line),
      error: (line) => console.error(line),
    });
  });

  return program;
}

function brandOption(value: string): 'chrome' | 'chromium' {
  if (value !== 'chrome' && value !== 'chromium') throw new InvalidArgumentError('expected chrome or chromium');
  return value;
}

await createProgram()
  .parseAsync()
  .catch((error: unknown) => {
    console.error(`switchboard: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  });
