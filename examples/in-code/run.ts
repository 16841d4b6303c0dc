/** `npm run example:in-code`: runs the seed's examples in an emulated browser and prints what each context saw. */
import { createBrowser } from '../../src/index.ts';
import { installSeedExtension, runEditorPage, type TraceLine } from './seed-extension.ts';

const trace: TraceLine[] = [];
const browser = createBrowser({
  onConsole: (context, message) => trace.push({ context: context.type, event: `console.${message.level}`, detail: message.text }),
});
const extension = installSeedExtension(browser, trace);
browser.openTab('https://example.com/article');
await browser.idle();
await runEditorPage(browser, extension, trace);
await browser.idle();

const width = Math.max(...trace.map((line) => line.context.length));
console.log(`Switchboard ${browser.chromeVersion}: extension ${extension.id}\n`);
for (const line of trace) {
  console.log(`${line.context.padEnd(width)}  ${line.event.padEnd(18)} ${JSON.stringify(line.detail)}`);
}
