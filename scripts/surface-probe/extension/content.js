console.log('@sb', 'cs', surface());
