/* eslint-disable @typescript-eslint/no-unused-expressions -- an injected file's last expression is its result */
location.href;
