// The service worker runs but listens to nothing: there is no runtime.onConnect listener anywhere.
