location.href;
