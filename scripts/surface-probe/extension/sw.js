importScripts('probe.js');
console.log('@sb', 'sw', surface());
