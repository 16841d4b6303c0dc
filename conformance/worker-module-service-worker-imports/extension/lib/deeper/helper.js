// Imported by sw.js and by greet.js (as ../lib/deeper/helper.js from here, ./deeper/helper.js from there): it runs once.
self.helperRuns = (self.helperRuns ?? 0) + 1;
console.log('@sb', 'helper.js runs', self.helperRuns);
export const helperUrl = import.meta.url;
export const runs = () => self.helperRuns;
export const shout = (text) => `${text}!`;
