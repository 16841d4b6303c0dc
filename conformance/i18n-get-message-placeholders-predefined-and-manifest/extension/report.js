/** Reports what chrome.i18n answers in this context, each line labelled `${where} …`. */
globalThis.reportI18n = async (where) => {
  const report = (label, value) => console.log('@sb', `${where} ${label}`, value);
  const attempt = (label, run) => {
    try {
      report(label, run());
    } catch (error) {
      report(label, `threw ${error.message}`);
    }
  };
  report('keys', Object.keys(chrome.i18n));
  attempt('plain', () => chrome.i18n.getMessage('plain'));
  attempt('case-insensitive name', () => chrome.i18n.getMessage('mixed_CASE'));
  attempt('unknown', () => chrome.i18n.getMessage('nope'));
  attempt('empty', () => chrome.i18n.getMessage('empty'));
  attempt('positional', () => chrome.i18n.getMessage('positional', ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J']));
  attempt('positional one string', () => chrome.i18n.getMessage('positional', 'only'));
  attempt('positional none', () => chrome.i18n.getMessage('positional'));
  attempt('named', () => chrome.i18n.getMessage('named', ['Ada', '3']));
  attempt('numbers as substitutions', () => chrome.i18n.getMessage('named', [1, 2]));
  attempt('too many substitutions', () => chrome.i18n.getMessage('plain', ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']));
  attempt('escapeLt', () => chrome.i18n.getMessage('withLt', ['<i>'], { escapeLt: true }));
  attempt('no escapeLt', () => chrome.i18n.getMessage('withLt', ['<i>']));
  attempt('predefined', () => chrome.i18n.getMessage('predefined'));
  for (const name of ['@@extension_id', '@@ui_locale', '@@bidi_dir', '@@bidi_reversed_dir', '@@bidi_start_edge', '@@bidi_end_edge', '@@nope']) {
    attempt(name, () => chrome.i18n.getMessage(name));
  }
  attempt('no name', () => chrome.i18n.getMessage());
  attempt('number name', () => chrome.i18n.getMessage(5));
  attempt('object substitutions', () => chrome.i18n.getMessage('plain', { a: 1 }));
  attempt('bad options', () => chrome.i18n.getMessage('plain', [], { nope: true }));
  attempt('ui language', () => chrome.i18n.getUILanguage());
  report('accept languages', await chrome.i18n.getAcceptLanguages());
  report('detect english', await chrome.i18n.detectLanguage('This is a sentence written in English, about the weather and the sea.'));
  report('detect empty', await chrome.i18n.detectLanguage(''));
  await new Promise((resolve) => chrome.i18n.getAcceptLanguages((languages) => resolve(report('accept languages callback', languages))));
  attempt('detect no text', () => chrome.i18n.detectLanguage());
  const manifest = chrome.runtime.getManifest();
  report('manifest', [manifest.name, manifest.short_name, manifest.description, manifest.action?.default_title, manifest.default_locale]);
};
