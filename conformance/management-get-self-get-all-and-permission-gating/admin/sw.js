const report = (label, value) => console.log('@sb', label, value);
const settle = async (label, run) => {
  try {
    report(label, await run());
  } catch (error) {
    report(label, `error ${error.message}`);
  }
};
(async () => {
  report('admin keys', Object.keys(chrome.management));
  await new Promise((resolve) => setTimeout(resolve, 300));
  await settle('admin getAll', async () => (await chrome.management.getAll()).map((info) => [info.id, info.name, info.enabled]));
  await settle('admin self', () => chrome.management.getSelf());
  await settle('admin get main', () => chrome.management.get('ibnnidalhplaigdofmbiaidmoepibclh'));
  await settle('admin get unknown', () => chrome.management.get('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'));
  await settle('admin get not an id', () => chrome.management.get('nope'));
  await settle('admin warnings by id', () => chrome.management.getPermissionWarningsById('ibnnidalhplaigdofmbiaidmoepibclh'));
  await settle('admin warnings by unknown id', () => chrome.management.getPermissionWarningsById('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'));
  report('admin done', true);
})();
