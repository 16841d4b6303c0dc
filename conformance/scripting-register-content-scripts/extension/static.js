/* eslint-disable @typescript-eslint/no-unused-vars -- a global the injected scripts look for */
var staticVariable = 'static';
console.log('@sb', 'static script', location.pathname);
