/* global reportI18n */
reportI18n('page').then(() => console.log('@sb', 'page done', true));
