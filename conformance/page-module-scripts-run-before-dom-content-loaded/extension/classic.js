console.log('@sb', 'classic script runs first', typeof window.moduleRan);
