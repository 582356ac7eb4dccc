// The fictional site's own script (only runs when the sample is opened directly, never in the
// host page's comparison frame, which has scripts disabled).
document.querySelector('.cookie-notice__accept')?.addEventListener('click', () => {
  document.getElementById('cookie-notice')?.remove();
});
