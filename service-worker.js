// Tally's service worker: the app opens with no network.
//
// This is a template: `cargo xtask precache` (run by Trunk after every
// build, see Trunk.toml) writes it to dist/sw.js with PRECACHE set to every
// file of that build and CACHE named after their contents, so a new build
// gets a new cache and the old one is deleted when the new worker takes over.
//
// - The app's files are served from the cache first; a page address that
//   names no file gets the cached index.html (the app routes itself).
// - The sync endpoint (/sync, a WebSocket) and the relay's API (/api/) never
//   go through the cache.
// - A new worker waits until the app asks it to take over (the person taps
//   "Update now"), so nobody is reloaded in the middle of something.
const PRECACHE = [/* PRECACHE */];
const CACHE = 'tally-/* CACHE */';

self.addEventListener('install', (event) => {
  // Fetched past the browser's HTTP cache, so a new build never keeps an
  // old copy of a file whose name did not change (index.html, the icons).
  const fresh = PRECACHE.map((url) => new Request(url, { cache: 'reload' }));
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(fresh)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(
        names.filter((name) => name.startsWith('tally-') && name !== CACHE)
          .map((name) => caches.delete(name)),
      ))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'take-over') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  // The sync endpoint's address was once also a page's: opened as a page,
  // it is the sync page's address now (WebSockets never come through here).
  if (url.pathname === '/sync' && request.mode === 'navigate') {
    event.respondWith(Response.redirect('/devices', 303));
    return;
  }
  if (url.pathname === '/sync' || url.pathname.startsWith('/api/')) return;
  if (request.mode === 'navigate') {
    event.respondWith(
      caches.open(CACHE)
        .then((cache) => cache.match('/index.html'))
        .then((cached) => cached || fetch(request)),
    );
    return;
  }
  event.respondWith(
    caches.open(CACHE)
      .then((cache) => cache.match(request, { ignoreSearch: true }))
      .then((cached) => cached || fetch(request)),
  );
});
