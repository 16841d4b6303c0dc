import { greeting } from './helper.js';

window.moduleRan = true;
console.log('@sb', 'module runs', [greeting, document.querySelector('p') !== null]);
document.addEventListener('DOMContentLoaded', () => console.log('@sb', 'DOMContentLoaded', true));
window.onload = () => console.log('@sb', 'load', true);
