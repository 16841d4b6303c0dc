/* eslint-disable @typescript-eslint/no-unused-vars -- a global the injected scripts look for */
var declaredOnly = 1;
