const report = (label, value) => console.log('@sb', label, value);
const second = location.search === '?second';
const where = second ? 'second page' : 'page';
report(`${where} keys`, Object.keys(chrome.extension));
const host = document.getElementById('host');
host.attachShadow({ mode: 'closed' }).innerHTML = '<u>page shadow</u>';
report(`${where} closed`, chrome.dom.openOrClosedShadowRoot(host).innerHTML);
report(`${where} background page`, chrome.extension.getBackgroundPage());
const views = chrome.extension.getViews();
report(`${where} views`, views.map((view) => view.location.href));
report(`${where} views include own window`, views.includes(window));
report(`${where} tab views`, chrome.extension.getViews({ type: 'tab' }).length);
report(`${where} popup views`, chrome.extension.getViews({ type: 'popup' }).length);
report(`${where} views of window`, chrome.extension.getViews({ windowId: -12345 }).length);
for (const [label, run] of [
  ['bad type', () => chrome.extension.getViews({ type: 'nope' })],
  ['extra property', () => chrome.extension.getViews({ nope: 1 })],
  ['background argument', () => chrome.extension.getBackgroundPage(1)],
]) {
  try {
    report(`${where} ${label}`, run().length);
  } catch (error) {
    report(`${where} ${label}`, `threw ${error.message}`);
  }
}
if (second) {
  report('second page other title', views.find((view) => view !== window)?.document.title);
  report('page done', true);
} else {
  report('page ready', true);
}
