/* global surface */
console.log('@sb', 'cs', surface());
