console.log('@sb', 'page', surface());
