var staticVariable = 'static';
console.log('@sb', 'static script', location.pathname);
