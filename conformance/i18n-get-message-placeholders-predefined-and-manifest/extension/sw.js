/* global reportI18n */
importScripts('report.js');
reportI18n('sw').then(() => console.log('@sb', 'sw done', true));
