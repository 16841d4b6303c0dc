// The port is named after the page that opened it.
const port = chrome.runtime.connect({ name: location.pathname });
let told = false;
port.onDisconnect.addListener(() => {
  told = true;
});

addEventListener('pageshow', (event) => {
  if (!event.persisted) return;
  let post;
  try {
    port.postMessage('back from the cache');
    post = 'no throw';
  } catch (error) {
    post = error.message;
  }
  console.log('@sb', 'restored', { page: location.pathname, toldOfDisconnect: told, post });
});
