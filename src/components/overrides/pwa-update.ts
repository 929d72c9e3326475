/**
 * Registers the service worker Workbox generates (dist/sw.js) once the page has loaded, and shows the update
 * prompt of Footer.astro when a newer worker is installed and waiting. "Reload" tells the waiting worker to
 * take over (Workbox's SKIP_WAITING message) and reloads when it has. Written by hand rather than with
 * workbox-window to keep the script that every page loads to a few hundred bytes.
 */
const prompt = document.querySelector<HTMLElement>('.pwa-update');

function offer(waiting: ServiceWorker) {
  if (!prompt) return;
  prompt.hidden = false;
  prompt.querySelector('.pwa-update__reload')?.addEventListener('click', () => {
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
    waiting.postMessage({ type: 'SKIP_WAITING' });
  });
  prompt.querySelector('.pwa-update__dismiss')?.addEventListener('click', () => (prompt.hidden = true));
}

if ('serviceWorker' in navigator && import.meta.env.PROD) {
  addEventListener('load', async () => {
    // Registration can be refused (private windows, blocked storage, test browsers): the site then works online only.
    const registration = await navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
    if (!registration) return;
    // A worker waiting from an earlier visit, or one that finishes installing now, while an older one controls the page.
    if (registration.waiting && navigator.serviceWorker.controller) offer(registration.waiting);
    registration.addEventListener('updatefound', () => {
      const installing = registration.installing;
      installing?.addEventListener('statechange', () => {
        if (installing.state === 'installed' && navigator.serviceWorker.controller) offer(installing);
      });
    });
  });
}
