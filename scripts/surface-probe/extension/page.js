/* global surface */
console.log('@sb', 'page', surface());
