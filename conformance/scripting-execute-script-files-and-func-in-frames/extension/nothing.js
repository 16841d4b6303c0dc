var declaredOnly = 1;
