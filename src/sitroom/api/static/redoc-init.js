// Starts ReDoc on /redoc, from a file so that the page's policy allows no inline script.
window.addEventListener('load', () => {
  Redoc.init('/openapi.json', { disableSearch: false }, document.getElementById('redoc'));
});
