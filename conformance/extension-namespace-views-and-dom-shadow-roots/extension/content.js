const report = (label, value) => console.log('@sb', label, value);
report('content keys', Object.keys(chrome.extension));
report('content inIncognitoContext', chrome.extension.inIncognitoContext);
report('content dom keys', Object.keys(chrome.dom));
const open = document.getElementById('open');
const closed = document.getElementById('closed');
report('content element shadowRoot', [open.shadowRoot?.innerHTML, closed.shadowRoot]);
report('content open', chrome.dom.openOrClosedShadowRoot(open).innerHTML);
report('content closed', chrome.dom.openOrClosedShadowRoot(closed).innerHTML);
report('content closed mode', chrome.dom.openOrClosedShadowRoot(closed).mode);
report('content closed same', chrome.dom.openOrClosedShadowRoot(closed) === chrome.dom.openOrClosedShadowRoot(closed));
report('content none', chrome.dom.openOrClosedShadowRoot(document.getElementById('plain')));
for (const [label, value] of [['nothing', undefined], ['a string', 'div'], ['an object', {}], ['a text node', document.createTextNode('t')]]) {
  try {
    report(`content ${label}`, chrome.dom.openOrClosedShadowRoot(value));
  } catch (error) {
    report(`content ${label}`, `threw ${error.message}`);
  }
}
report('content done', true);
