import { helperUrl, shout } from './deeper/helper.js';

console.log('@sb', 'greet.js runs after helper.js', typeof helperUrl);
export const greetUrl = import.meta.url;
export function greet(name) {
  return shout(`hello ${name} from ${new URL(import.meta.url).pathname}`);
}
