/* global reportI18n */
reportI18n('content').then(() => console.log('@sb', 'content done', true));
